// The jgym dashboard: a page over the server's HTTP API (docs/http-api.md), served by the server
// itself. Views, chosen by the address's #fragment: the runs (state, progress, key metric, several
// runs overlaid), one run (every metric as a live curve from its event stream, the newest samples
// and GIFs, its config, stop and resume), a form that starts a run of any trainer from its preset,
// and a viewer of live environment instances' frames. A server started with --token gets the token
// once from the user; api.js keeps it in this browser's localStorage and sends it with every request.
"use strict";

const view = document.getElementById("view");
let leaving = [];  // stops timers and streams of the view being left

// ---- helpers ---------------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ""));
  return node;
}

function notice(message) {
  const p = document.getElementById("notice");
  p.textContent = message || "";
  p.hidden = !message;
}

function stateBadge(state) {
  return el("span", { class: "state " + state, "data-state": state }, state);
}

function progressBar(progress) {
  const bar = el("span", { class: "progress", title: progress === null ? "no budget" : Math.round(progress * 100) + "%" });
  bar.append(el("span", { style: "width:" + Math.round((progress || 0) * 100) + "%" }));
  return bar;
}

function format(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isInteger(value)) return value.toPrecision(4);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The key metric of a run: the first metric its trainer declares (the server names it). */
function keyMetric(run) {
  return run.key_metric || null;
}

function every(millis, task) {
  task();
  const timer = setInterval(task, millis);
  leaving.push(() => clearInterval(timer));
}

// ---- the runs --------------------------------------------------------------------------------------

async function runsView() {
  const chosen = new Set();
  const table = el("table", { id: "runs-table" });
  const overlayBox = el("div", { class: "chart", id: "overlay-chart", "data-points": "0" });
  const metricSelect = el("select", { id: "overlay-metric" });
  view.append(el("h2", {}, "Runs"), table,
      el("h2", {}, "Compare ", metricSelect), el("p", { class: "help" }, "Tick runs to overlay them; the newest five are shown until you do."),
      overlayBox);
  const series = new Map();  // run id -> {next, rows}
  let runs = [];

  async function refresh() {
    const answer = await api("/v1/runs/");
    runs = answer.runs;
    table.replaceChildren(el("tr", {}, ...["", "run", "trainer", "state", "progress", "episodes", "key metric", "started"].map(h => el("th", {}, h))));
    for (const run of runs) {
      const box = el("input", { type: "checkbox", onchange: e => { e.target.checked ? chosen.add(run.id) : chosen.delete(run.id); drawSerially(); } });
      box.checked = chosen.has(run.id);
      const metric = keyMetric(run);
      table.append(el("tr", { "data-run": run.id },
          el("td", {}, box),
          el("td", {}, el("a", { href: "#/run/" + encodeURIComponent(run.id) }, run.id)),
          el("td", {}, run.trainer || ""), el("td", {}, stateBadge(run.state)),
          el("td", {}, progressBar(run.progress)), el("td", {}, run.episodes),
          el("td", { title: metric || "" }, metric ? metric + " = " + format(run.last[metric]) : ""),
          el("td", {}, run.started ? run.started.replace("T", " ").slice(0, 19) : "")));
    }
  }

  async function draw() {
    const shown = (chosen.size ? runs.filter(r => chosen.has(r.id)) : runs.slice(0, 5)).filter(r => r.episodes > 0);
    const names = Array.from(new Set(shown.map(keyMetric).filter(Boolean)));
    const previous = metricSelect.value;
    metricSelect.replaceChildren(...names.map(n => el("option", { value: n }, n)));
    if (names.includes(previous)) metricSelect.value = previous;
    const metric = metricSelect.value;
    if (!metric) return;
    const curves = [];
    for (const run of shown) {
      let s = series.get(run.id);
      if (!s) { s = { next: 0, rows: [] }; series.set(run.id, s); }
      const page = await api("/v1/runs/" + encodeURIComponent(run.id) + "/metrics?since=" + s.next);
      s.rows.push(...page.rows);
      s.next = page.next;
      curves.push({ id: run.id, episodes: s.rows.map(r => r.episode), values: s.rows.map(r => r[metric] ?? null) });
    }
    Charts.overlay(overlayBox, metric, curves.filter(c => c.values.some(v => v !== null)));
  }

  // One drawing at a time: each fetches the rows after the last it saw.
  let drawing = Promise.resolve();
  const drawSerially = () => (drawing = drawing.then(draw).catch(e => notice(e.message)));
  metricSelect.addEventListener("change", drawSerially);
  every(2000, () => refresh().then(drawSerially).catch(e => notice(e.message)));
}

// ---- one run ---------------------------------------------------------------------------------------

async function runView(id) {
  const path = "/v1/runs/" + encodeURIComponent(id);
  const header = el("div", { id: "run-header" });
  const charts = el("div", { class: "charts", id: "run-charts" });
  const gallery = el("div", { class: "gallery", id: "run-gallery" });
  const galleryTitle = el("h3", { hidden: "" }, "Newest pictures");
  const config = el("table", { id: "run-config" });
  const log = el("pre", { class: "log", hidden: "" });
  const stop = el("button", { id: "stop-button", onclick: () => act("stop") }, "Stop");
  const resume = el("button", { id: "resume-button", onclick: () => act("resume") }, "Resume");
  view.append(el("h2", {}, "Run ", id), header, el("div", { class: "actions" }, stop, resume),
      galleryTitle, gallery, charts, el("h3", {}, "Config"), config, log);
  const perMetric = new Map();
  let unfollow = null;
  let next = 0;
  let redraw = null;
  const shownFiles = new Map();

  function chartFor(name) {
    let chart = perMetric.get(name);
    if (!chart) {
      const box = el("div", { class: "chart", "data-metric": name });
      charts.append(box);
      chart = new Charts.MetricChart(box, name);
      perMetric.set(name, chart);
    }
    return chart;
  }

  function scheduleDraw() {
    if (redraw === null) redraw = setTimeout(() => { redraw = null; perMetric.forEach(c => c.draw()); }, 250);
  }

  function showState(run) {
    header.replaceChildren(el("dl", { class: "meta" },
        el("dt", {}, "state"), el("dd", {}, el("span", { id: "run-state" }, stateBadge(run.state)), " ", run.message || ""),
        el("dt", {}, "trainer"), el("dd", {}, (run.trainer || "") + (run.preset ? " (" + run.preset + ")" : "")),
        el("dt", {}, "seed"), el("dd", {}, run.seed ?? ""),
        el("dt", {}, "progress"), el("dd", {}, progressBar(run.progress), " ",
            el("span", { id: "run-count" }, run.episodes + " episodes, " + run.total_steps + " steps")),
        el("dt", {}, "started"), el("dd", {}, run.started || ""), el("dt", {}, "ended"), el("dd", {}, run.ended || "")));
    const active = run.state === "queued" || run.state === "running";
    stop.disabled = !active;
    resume.disabled = active;
  }

  async function details() {
    const run = await api(path);
    showState(run);
    run.metrics.forEach(chartFor);
    config.replaceChildren(...Object.entries(run.config || {}).map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, format(v)))));
    log.hidden = !run.log_tail;
    log.textContent = run.log_tail || "";
    const pictures = run.files.filter(f => /\.(png|gif)$/i.test(f.path)).slice(0, 4);
    for (const file of pictures) {
      const key = file.path + "@" + file.modified;
      if (shownFiles.has(key)) continue;
      const url = await blobUrl(path + "/files/" + file.path.split("/").map(encodeURIComponent).join("/"));
      shownFiles.set(key, el("figure", {}, el("img", { src: url, alt: file.path }), el("figcaption", {}, file.path)));
    }
    const keys = pictures.map(f => f.path + "@" + f.modified);
    gallery.replaceChildren(...keys.map(k => shownFiles.get(k)));
    galleryTitle.hidden = keys.length === 0;
    return run;
  }

  function listen() {
    if (unfollow) unfollow();
    unfollow = follow(path + "/events?since=" + next, (type, data) => {
      if (type === "metrics") {
        if (data.episode < next) perMetric.forEach(c => c.truncate(data.episode));
        for (const [name, value] of Object.entries(data)) {
          if (name !== "episode" && name !== "total_steps") chartFor(name).add(data.episode, value);
        }
        next = data.episode + 1;
        const count = document.getElementById("run-count");
        if (count) count.textContent = next + " episodes, " + data.total_steps + " steps";
        scheduleDraw();
      } else if (type === "state") {
        showState(data);
        details().catch(e => notice(e.message));
      }
    }, e => notice(e.message));
  }

  async function act(what) {
    try {
      notice("");
      await api(path + "/" + what, { method: "POST", body: {} });
      await details();
      if (what === "resume") {
        // A resumed run trains again from its last checkpoint: read its rows afresh.
        perMetric.forEach(c => c.truncate(0));
        next = 0;
        listen();
      }
    } catch (e) {
      notice(e.message);
    }
  }

  leaving.push(() => { if (unfollow) unfollow(); if (redraw) clearTimeout(redraw); });
  await details();
  listen();
  const timer = setInterval(() => details().catch(e => notice(e.message)), 5000);
  leaving.push(() => clearInterval(timer));
}

// ---- starting a run --------------------------------------------------------------------------------

async function newRunView() {
  const trainers = (await api("/v1/trainers")).trainers;
  const trainerSelect = el("select", { id: "trainer-select" }, ...trainers.map(t => el("option", { value: t.name }, t.name)));
  const presetSelect = el("select", { id: "preset-select" });
  const description = el("p", { class: "help" });
  const fields = el("form", { class: "settings", id: "settings-form" });
  const name = el("input", { id: "run-name", placeholder: "generated when empty" });
  const start = el("button", { class: "primary", id: "start-button", onclick: submit }, "Start");
  view.append(el("h2", {}, "Start a run"),
      el("p", {}, el("label", {}, "Trainer ", trainerSelect), " ", el("label", {}, "Preset ", presetSelect), " ",
          el("label", {}, "Name ", name)),
      description, fields, el("div", { class: "actions" }, start));
  let trainer = null;

  function fill() {
    const preset = trainer.presets[presetSelect.value];
    fields.replaceChildren();
    for (const s of trainer.settings) {
      const value = preset[s.key];
      let input;
      if (s.type === "boolean") {
        input = el("input", { type: "checkbox", name: s.key });
        input.checked = value === true;
      } else if (typeof s.type === "object" && s.type.enum) {
        input = el("select", { name: s.key }, ...s.type.enum.map(v => el("option", { value: v }, v)));
        input.value = value;
      } else {
        input = el("input", { name: s.key, value: Array.isArray(value) ? value.join(",") : String(value ?? "") });
      }
      input.dataset.type = typeof s.type === "object" ? "enum" : s.type;
      input.dataset.preset = JSON.stringify(value);
      fields.append(el("label", { for: s.key }, s.key), input, el("span", { class: "help" }, s.description));
    }
  }

  function pick() {
    trainer = trainers.find(t => t.name === trainerSelect.value);
    description.textContent = trainer.description;
    presetSelect.replaceChildren(...Object.keys(trainer.presets).map(p => el("option", { value: p }, p)));
    fill();
  }

  function valueOf(input) {
    const type = input.dataset.type;
    if (type === "boolean") return input.checked;
    if (type === "integer" || type === "number") return input.value.trim() === "" ? null : Number(input.value);
    if (type === "list") return input.value.split(",").map(v => v.trim()).filter(Boolean).map(v => isNaN(Number(v)) ? v : Number(v));
    return input.value;
  }

  async function submit(event) {
    event.preventDefault();
    const config = {};
    for (const input of fields.querySelectorAll("[name]")) {
      if (input.dataset.preset === "null" && input.value === "") continue;  // left unset, as in the preset
      const value = valueOf(input);
      if (JSON.stringify(value) !== input.dataset.preset) config[input.name] = value;
    }
    const body = { trainer: trainer.name, preset: presetSelect.value, config };
    if (name.value.trim()) body.name = name.value.trim();
    try {
      const answer = await api("/v1/runs/", { method: "POST", body });
      location.hash = "#/run/" + encodeURIComponent(answer.run_id);
    } catch (e) {
      notice(e.message);
    }
  }

  trainerSelect.addEventListener("change", pick);
  presetSelect.addEventListener("change", fill);
  pick();
}

// ---- environments ----------------------------------------------------------------------------------

async function envsView() {
  const frames = el("div", { class: "envs", id: "env-frames" });
  const envId = el("input", { id: "env-id", value: "CartPole-v1" });
  const create = el("button", { onclick: async () => {
    try {
      const made = await api("/v1/envs/", { method: "POST", body: { env_id: envId.value } });
      await api("/v1/envs/" + made.instance_id + "/reset/", { method: "POST", body: {} });
    } catch (e) { notice(e.message); }
  } }, "Create and reset");
  view.append(el("h2", {}, "Live environment instances"),
      el("p", {}, "Frames of every live instance through GET /v1/envs/<id>/render, refreshed twice a second. ",
          envId, " ", create), frames);
  const shown = new Map();
  every(500, async () => {
    try {
      const all = (await api("/v1/envs/")).all_envs;
      for (const [id, env] of Object.entries(all)) {
        if (!shown.has(id)) {
          const img = el("img", { alt: env });
          const figure = el("figure", { "data-instance": id }, img, el("figcaption", {}, env + " " + id));
          shown.set(id, { figure, img });
          frames.append(figure);
        }
        const entry = shown.get(id);
        blobUrl("/v1/envs/" + id + "/render").then(url => {
          const old = entry.img.src;
          entry.img.src = url;
          if (old.startsWith("blob:")) URL.revokeObjectURL(old);
        }).catch(() => { /* not reset yet: no frame to show */ });
      }
      for (const [id, entry] of shown) {
        if (!(id in all)) { entry.figure.remove(); shown.delete(id); }
      }
    } catch (e) { notice(e.message); }
  });
}

// ---- routing ---------------------------------------------------------------------------------------

async function route() {
  leaving.forEach(stop => stop());
  leaving = [];
  view.replaceChildren();
  notice("");
  const hash = location.hash || "#/";
  try {
    if (hash.startsWith("#/run/")) await runView(decodeURIComponent(hash.slice(6)));
    else if (hash === "#/new") await newRunView();
    else if (hash === "#/envs") await envsView();
    else await runsView();
  } catch (e) {
    notice(e.message);
  }
}

document.getElementById("token-form").addEventListener("submit", event => {
  event.preventDefault();
  saveToken(document.getElementById("token-input").value);
  document.getElementById("token-form").hidden = true;
  route();
});
window.addEventListener("hashchange", route);
route();
