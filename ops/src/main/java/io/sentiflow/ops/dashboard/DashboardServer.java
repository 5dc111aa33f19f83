package io.sentiflow.ops.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentiflow.schemas.kafka.ModelTopicsFollower;
import io.sentiflow.schemas.model.ModelWeights;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sentiflow dashboard} service: reads Sentiflow's topics, follows the served model,
 * and shows it all live in a browser.
 *
 * <ul>
 *   <li>{@code GET /} the page (self-contained: its chart library is bundled in the jar);
 *   <li>{@code GET /events} Server-Sent Events, one {@code snapshot} event per push interval;
 *   <li>{@code GET /api/snapshot} the same JSON once ({@link DashboardSnapshot});
 *   <li>{@code POST /api/score} {@code {"text": "..."}} scores a comment with the served model;
 *   <li>{@code GET /health} whether the topic reader runs and a model is served.
 * </ul>
 */
public final class DashboardServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  /** How long a model follower may take to read the model topics to their end before it retries. */
  private static final Duration MODEL_CATCH_UP = Duration.ofSeconds(30);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

  private final Properties kafka;
  private final DashboardConfig config;
  private final MeterRegistry registry;
  private final ObjectMapper json = new ObjectMapper();
  private final DashboardState state;
  private final TryItScorer tryIt = new TryItScorer();
  private final List<SseClient> clients = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
    Thread t = new Thread(runnable, "dashboard-scheduler");
    t.setDaemon(true);
    return t;
  });
  private TopicReader reader;
  private LagProbe lagProbe;
  private volatile ModelTopicsFollower follower;
  private Javalin app;
  private volatile boolean closed;

  public DashboardServer(Properties kafka, DashboardConfig config) {
    this(kafka, config, new SimpleMeterRegistry());
  }

  public DashboardServer(Properties kafka, DashboardConfig config, MeterRegistry registry) {
    this.kafka = new Properties();
    this.kafka.putAll(kafka);
    this.config = config;
    this.registry = registry;
    this.state = new DashboardState(config);
  }

  /** Starts serving and reading; returns the bound port. */
  public synchronized int start() {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    reader = new TopicReader(kafka, config, state, registry);
    app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/dashboard";
        files.location = Location.CLASSPATH;
      });
    });
    app.get("/api/snapshot", ctx -> sendJson(ctx, HttpStatus.OK, snapshot()));
    app.post("/api/score", this::score);
    app.get("/health", this::health);
    app.sse("/events", client -> {
      client.keepAlive();
      client.onClose(() -> clients.remove(client));
      client.sendEvent("snapshot", toJson(snapshot()));
      clients.add(client);
    });
    app.exception(HttpResponseException.class, (e, ctx) ->
        sendJson(ctx, HttpStatus.forStatus(e.getStatus()), error(e.getMessage())));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      sendJson(ctx, HttpStatus.INTERNAL_SERVER_ERROR, error("internal error: " + e.getMessage()));
    });
    app.start(config.port());
    Gauge.builder("sentiflow.dashboard.sse.clients", clients, List::size).register(registry);
    Gauge.builder("sentiflow.dashboard.model.version", state.model,
        m -> m.served().map(ModelWeights::version).orElse(-1L)).register(registry);
    reader.start();
    lagProbe = new LagProbe(kafka, config.lagTargets(), config.lagInterval());
    scheduler.scheduleWithFixedDelay(() -> guarded("lag probe", () -> state.lag.onReading(lagProbe.read())),
        0, config.lagInterval().toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleAtFixedRate(() -> guarded("push", this::push), config.pushInterval().toMillis(),
        config.pushInterval().toMillis(), TimeUnit.MILLISECONDS);
    Thread modelStarter = new Thread(this::followModel, "dashboard-model-follower-start");
    modelStarter.setDaemon(true);
    modelStarter.start();
    LOG.info("dashboard on http://localhost:{}/ following model {}", app.port(), config.modelId());
    return app.port();
  }

  /** Starts the model follower, retrying until the model topics can be read (or the server closes). */
  private void followModel() {
    while (!closed) {
      ModelTopicsFollower candidate = new ModelTopicsFollower(kafka, config.modelId(), state.model::onServed);
      try {
        candidate.start(MODEL_CATCH_UP);
        follower = candidate;
        if (closed) {
          candidate.close();
        }
        return;
      } catch (RuntimeException e) {
        candidate.close();
        LOG.warn("cannot read the model topics yet, retrying: {}", e.toString());
        sleep(RETRY_PAUSE);
      }
    }
  }

  private DashboardSnapshot snapshot() {
    return state.snapshot(System.currentTimeMillis());
  }

  private void push() {
    state.tick(System.currentTimeMillis());
    if (clients.isEmpty()) {
      return;
    }
    String payload = toJson(snapshot());
    for (SseClient client : clients) {
      if (client.terminated()) {
        clients.remove(client);
      } else {
        client.sendEvent("snapshot", payload);
      }
    }
  }

  /** UP while the topic reader runs; a dashboard still waiting for its first model is UP. */
  private void health(Context ctx) {
    boolean up = reader.alive();
    sendJson(ctx, up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, Map.of(
        "status", up ? "UP" : "DOWN",
        "modelVersion", state.model.served().map(ModelWeights::version).orElse(-1L),
        "sseClients", clients.size()));
  }

  private void score(Context ctx) {
    String text;
    try {
      JsonNode body = json.readTree(ctx.body());
      JsonNode field = body == null ? null : body.get("text");
      if (field == null || !field.isTextual()) {
        sendJson(ctx, HttpStatus.BAD_REQUEST, error("expected a JSON body like {\"text\": \"what a great flight\"}"));
        return;
      }
      text = field.asText();
    } catch (JsonProcessingException e) {
      sendJson(ctx, HttpStatus.BAD_REQUEST, error("body is not JSON: " + e.getOriginalMessage()));
      return;
    }
    if (text.isBlank()) {
      sendJson(ctx, HttpStatus.BAD_REQUEST, error("text is empty"));
      return;
    }
    int chars = text.codePointCount(0, text.length());
    if (chars > config.maxTryItChars()) {
      sendJson(ctx, HttpStatus.BAD_REQUEST,
          error("text has " + chars + " characters; at most " + config.maxTryItChars() + " are scored"));
      return;
    }
    Optional<ModelWeights> model = state.model.served();
    if (model.isEmpty()) {
      sendJson(ctx, HttpStatus.SERVICE_UNAVAILABLE, error("no model is served yet; the learner has not published one"));
      return;
    }
    try {
      sendJson(ctx, HttpStatus.OK, tryIt.score(model.get(), text));
    } catch (TryItScorer.SpecMismatchException e) {
      sendJson(ctx, HttpStatus.SERVICE_UNAVAILABLE, error(e.getMessage()));
    }
  }

  private static Map<String, String> error(String message) {
    return Map.of("error", message);
  }

  private void sendJson(Context ctx, HttpStatus status, Object body) {
    ctx.status(status).contentType("application/json").result(toJson(body));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static void guarded(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; log and keep the dashboard live.
      LOG.warn("dashboard {} failed: {}", what, e.toString());
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    scheduler.shutdownNow();
    clients.forEach(SseClient::close);
    if (app != null) {
      app.stop();
    }
    if (reader != null) {
      reader.close();
    }
    if (lagProbe != null) {
      lagProbe.close();
    }
    ModelTopicsFollower current = follower;
    if (current != null) {
      current.close();
    }
  }
}
