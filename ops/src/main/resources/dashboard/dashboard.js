'use strict';
// Live view of Sentiflow: one snapshot per second over Server-Sent Events redraws every chart in place.

const COLORS = { NEGATIVE: '#d64545', NEUTRAL: '#8a94a3', POSITIVE: '#2f9e5b' };
const PALETTE = ['#2f6fd6', '#d64545', '#2f9e5b', '#b7791f', '#7b4fd6', '#1f9bb7', '#d6459b', '#5c6b7a'];
const KIND_COLORS = { PREDICTION: '#b7791f', DATA: '#2f6fd6', CONCEPT: '#d64545' };

const $ = (id) => document.getElementById(id);
const clock = (ms) => new Date(ms).toLocaleTimeString([], { hour12: false });
const fixed = (v, digits) => (v === null || v === undefined ? '–' : Number(v).toFixed(digits));
const percent = (v) => (v === null || v === undefined ? '–' : (100 * v).toFixed(1) + '%');
const millis = (v) => (v === null || v === undefined ? '–' : Math.round(v) + ' ms');

Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.size = 11;

function timeAxis() {
  return { type: 'linear', ticks: { callback: (v) => clock(v), maxTicksLimit: 6, maxRotation: 0 } };
}

function lineChart(id, datasets, yAxes) {
  return new Chart($(id), {
    type: 'line',
    data: { datasets: datasets.map((d, i) => line(d.label, d.color || PALETTE[i], d.yAxisID)) },
    options: { scales: { x: timeAxis(), ...yAxes }, elements: { point: { radius: 0 } },
      plugins: { legend: { display: datasets.length > 1 } } },
  });
}

function line(label, color, yAxisID) {
  return { label, data: [], borderColor: color, backgroundColor: color, borderWidth: 2, tension: 0.2, yAxisID };
}

const charts = {
  threads: lineChart('chart-threads', [], { y: { min: -1, max: 1 } }),
  classMix: new Chart($('chart-class-mix'), {
    type: 'doughnut',
    data: { labels: Object.keys(COLORS), datasets: [{ data: [0, 0, 0], backgroundColor: Object.values(COLORS) }] },
    options: { plugins: { legend: { position: 'right' } } },
  }),
  throughput: lineChart('chart-throughput', [{ label: 'scores/s' }], { y: { beginAtZero: true } }),
  latency: lineChart('chart-latency', [{ label: 'p50', color: '#2f6fd6' }, { label: 'p99', color: '#d64545' }],
    { y: { beginAtZero: true } }),
  lag: lineChart('chart-lag', [], { y: { beginAtZero: true } }),
  model: lineChart('chart-model',
    [{ label: 'version', color: '#5c6b7a', yAxisID: 'y' }, { label: 'accuracy', color: '#2f9e5b', yAxisID: 'accuracy' }],
    { y: { position: 'left', ticks: { precision: 0 } }, accuracy: { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false } } }),
  drift: new Chart($('chart-drift'), {
    type: 'scatter',
    data: { datasets: [{ label: 'alerts', data: [], pointRadius: 5, pointBackgroundColor: [] }] },
    options: {
      scales: { x: timeAxis(), y: { type: 'category', labels: [], offset: true } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => c.raw.label } } },
    },
  }),
};

// Keeps one dataset per named series, adding and dropping lines as the series come and go.
function syncDatasets(chart, series) {
  const names = series.map((s) => s.name);
  chart.data.datasets = chart.data.datasets.filter((d) => names.includes(d.label));
  series.forEach((s) => {
    let dataset = chart.data.datasets.find((d) => d.label === s.name);
    if (!dataset) {
      dataset = line(s.name, PALETTE[chart.data.datasets.length % PALETTE.length]);
      chart.data.datasets.push(dataset);
    }
    dataset.data = s.points;
  });
  chart.options.plugins.legend.display = true;
  chart.update();
}

function render(s) {
  $('model-id').textContent = s.modelId;
  $('updated').textContent = clock(s.time);
  $('stat-scored').textContent = s.totals.scored.toLocaleString();
  $('stat-comments').textContent = s.totals.comments.toLocaleString();
  $('stat-throughput').textContent = fixed(s.throughput.perSecond, 1);
  $('stat-p50').textContent = millis(s.latency.p50Ms);
  $('stat-p99').textContent = millis(s.latency.p99Ms);
  $('stat-model-version').textContent = s.model.version ?? '–';
  $('stat-accuracy').textContent = percent(s.model.accuracy);
  $('stat-macro-f1').textContent = fixed(s.model.macroF1, 3);
  $('stat-drift').textContent = s.drift.length;

  // The live charts share one time axis: from the oldest retained point to now.
  const start = s.throughput.series.length ? s.throughput.series[0].x : s.time - 60_000;
  [charts.throughput, charts.latency, charts.lag, charts.model].forEach((c) => {
    c.options.scales.x.min = start;
    c.options.scales.x.max = s.time;
  });
  charts.drift.options.scales.x.min = Math.min(start, ...s.drift.map((a) => a.alertTime));
  charts.drift.options.scales.x.max = s.time;

  syncDatasets(charts.threads, s.threads.map((t) => ({ name: t.thread, points: t.points })));
  charts.classMix.data.datasets[0].data = Object.keys(COLORS).map((k) => s.classMix[k] || 0);
  charts.classMix.update();
  charts.throughput.data.datasets[0].data = s.throughput.series;
  charts.throughput.update();
  charts.latency.data.datasets[0].data = s.latency.p50Series;
  charts.latency.data.datasets[1].data = s.latency.p99Series;
  charts.latency.update();
  syncDatasets(charts.lag, s.lag.map((l) => ({ name: l.group, points: l.series })));
  $('lag-figures').textContent = s.lag
    .map((l) => `${l.group} on ${l.topic}: ${l.lag === null ? 'no committed offsets' : l.lag.toLocaleString()}`)
    .join(' · ');
  charts.model.data.datasets[0].data = s.model.versionSeries;
  charts.model.data.datasets[1].data = s.model.accuracySeries;
  charts.model.update();
  renderDrift(s.drift);
  renderLatest(s.latest);
}

function renderDrift(alerts) {
  const detectors = [...new Set(alerts.map((a) => a.detector))].sort();
  const chart = charts.drift;
  chart.options.scales.y.labels = detectors;
  chart.data.datasets[0].data = alerts.map((a) => ({
    x: a.alertTime, y: a.detector,
    label: `${a.detector} (${a.kind}) ${a.statistic}=${a.value.toFixed(3)} > ${a.threshold} · model v${a.modelVersion}`,
  }));
  chart.data.datasets[0].pointBackgroundColor = alerts.map((a) => KIND_COLORS[a.kind] || '#5c6b7a');
  chart.update();
  const list = $('drift-list');
  list.replaceChildren(...alerts.slice(-5).reverse().map((a) => {
    const item = document.createElement('li');
    item.textContent = `${clock(a.alertTime)} ${a.detector} (${a.kind}) ${a.statistic}=${a.value.toFixed(3)} `
      + `threshold ${a.threshold} · model v${a.modelVersion}`;
    return item;
  }));
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function badge(sentiment) {
  const span = document.createElement('span');
  span.className = 'badge ' + sentiment;
  span.textContent = sentiment.toLowerCase();
  return span;
}

function terms(explanation) {
  const span = document.createElement('span');
  span.className = 'terms';
  explanation.forEach((t) => {
    const term = document.createElement('span');
    term.className = 'term';
    term.textContent = `${t.term} ${t.weight >= 0 ? '+' : ''}${t.weight.toFixed(2)}`;
    span.appendChild(term);
  });
  return span;
}

function renderLatest(latest) {
  const rows = latest.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.testid = 'latest-comment';
    tr.dataset.commentId = c.commentId;
    const sentiment = document.createElement('td');
    sentiment.appendChild(badge(c.sentiment));
    const explanation = document.createElement('td');
    explanation.appendChild(terms(c.explanation));
    tr.append(cell(clock(c.scoreTime)), cell(c.thread), cell(c.text ?? `(${c.commentId})`, c.text ? '' : 'muted'),
      sentiment, cell(percent(c.confidence)), explanation, cell('v' + c.modelVersion), cell(millis(c.latencyMs)));
    return tr;
  });
  $('latest-comments').tBodies[0].replaceChildren(...rows);
}

function connect() {
  const status = $('connection');
  const events = new EventSource('events');
  events.onopen = () => { status.textContent = 'live'; status.className = 'pill pill-live'; };
  events.onerror = () => { status.textContent = 'reconnecting'; status.className = 'pill pill-down'; };
  events.addEventListener('snapshot', (e) => render(JSON.parse(e.data)));
}

async function tryIt(event) {
  event.preventDefault();
  const result = $('tryit-result');
  const error = $('tryit-error');
  const text = $('tryit-text').value;
  try {
    const response = await fetch('api/score', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    $('tryit-sentiment').replaceWith(Object.assign(badge(body.sentiment), { id: 'tryit-sentiment' }));
    $('tryit-sentiment').dataset.testid = 'tryit-sentiment';
    $('tryit-confidence').textContent = percent(body.confidence) + ' confident';
    $('tryit-model-version').textContent = body.modelVersion;
    $('tryit-probabilities').replaceChildren(...Object.keys(COLORS).map((k, i) => {
      const bar = document.createElement('div');
      bar.className = k;
      bar.style.width = (100 * body.probabilities[i]) + '%';
      bar.title = `${k.toLowerCase()} ${percent(body.probabilities[i])}`;
      return bar;
    }));
    const why = $('tryit-explanation');
    why.replaceChildren(...(body.explanation.length
      ? terms(body.explanation).childNodes : [document.createTextNode('no term pushed this class')]));
    result.hidden = false;
    error.hidden = true;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    result.hidden = true;
  }
}

$('tryit-form').addEventListener('submit', tryIt);
connect();
