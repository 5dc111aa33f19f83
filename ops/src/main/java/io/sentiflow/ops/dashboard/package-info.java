/**
 * The {@code sentiflow dashboard} service: a web page that shows Sentiflow live. {@link
 * io.sentiflow.ops.dashboard.DashboardServer} reads the scores, comments, per-thread and drift
 * topics with a consumer of its own, follows the served model on the model topics, reads the
 * pipeline's consumer lag, and pushes one {@link io.sentiflow.ops.dashboard.DashboardSnapshot} per
 * second to every open page over Server-Sent Events; its try-it box scores a typed comment with the
 * served model. The page ({@code resources/dashboard/}) draws with Chart.js, installed from npm at
 * build time ({@code src/main/dashboard-ui/}) and bundled into the jar, so it needs no internet.
 */
package io.sentiflow.ops.dashboard;
