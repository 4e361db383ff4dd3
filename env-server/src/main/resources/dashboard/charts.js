// Learning curves for the jgym dashboard, drawn with uPlot: one chart per metric with the raw values
// and their moving average, a log scale when a positive metric spans two decades or more (losses),
// and several runs of one metric overlaid. Every chart element carries data-points (how many points
// it draws), which the browser test waits on.
"use strict";

const Charts = (() => {
  const COLOURS = ["#3a7bd5", "#d5663a", "#2e9e5b", "#9b4dca", "#c9a227", "#d23f6f", "#3ab7c9", "#6b7280"];

  /** Episodes in the moving average: none for short runs, up to 100 for long ones (as the run folder's PNG). */
  function window(n) {
    return Math.max(1, Math.min(100, Math.floor(n / 20)));
  }

  /** Points a chart draws at most: a long run is thinned evenly to this, so the page stays responsive. */
  const MAX_POINTS = 2000;

  /** The trailing moving average of values over w entries (nulls skipped), same length; one pass. */
  function movingAverage(values, w) {
    const out = new Array(values.length).fill(null);
    let sum = 0, count = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== null) { sum += v; count++; }
      if (i >= w) {
        const old = values[i - w];
        if (old !== null) { sum -= old; count--; }
      }
      out[i] = count > 0 ? sum / count : null;
    }
    return out;
  }

  /** Every k-th entry of each array (the last one always kept), so that at most MAX_POINTS remain. */
  function thin(arrays) {
    const n = arrays[0].length;
    if (n <= MAX_POINTS) return arrays;
    const step = Math.ceil(n / MAX_POINTS);
    const keep = [];
    for (let i = 0; i < n; i += step) keep.push(i);
    if (keep[keep.length - 1] !== n - 1) keep.push(n - 1);
    return arrays.map(a => keep.map(i => a[i]));
  }

  /** Whether values are all positive and span at least two decades: then a log axis shows them better. */
  function wantsLog(values) {
    let min = Infinity, max = -Infinity;
    for (const v of values) {
      if (v === null) continue;
      if (v <= 0) return false;
      min = Math.min(min, v); max = Math.max(max, v);
    }
    return max / min >= 100;
  }

  function width(el) {
    return Math.max(300, (el.clientWidth || 440) - 12);
  }


  /** A chart of one metric of one run: raw points and moving average against the episode. */
  class MetricChart {
    constructor(el, title) {
      this.el = el;
      this.title = title;
      this.episodes = [];
      this.values = [];
      this.log = false;
      this.plot = null;
      el.dataset.points = "0";
      // Follow the box's width as the grid lays it out (and as the window is resized).
      new ResizeObserver(() => this.fit()).observe(el);
    }

    fit() {
      const w = width(this.el);
      if (this.plot !== null && Math.abs(this.drawnWidth - w) > 8) {
        this.drawnWidth = w;
        this.plot.setSize({ width: w, height: 220 });
      }
    }

    add(episode, value) {
      this.episodes.push(episode);
      this.values.push(value === undefined ? null : value);
    }

    /** Clears rows from episode on (a resumed run rewrote the ones after its checkpoint). */
    truncate(episode) {
      let n = this.episodes.length;
      while (n > 0 && this.episodes[n - 1] >= episode) n--;
      this.episodes.length = n;
      this.values.length = n;
    }

    draw() {
      const log = wantsLog(this.values);
      const measured = this.values.filter(v => v !== null).length;  // a metric measured every k-th episode has gaps
      const average = movingAverage(this.values, window(this.values.length));
      const data = thin([this.episodes, this.values, average]);
      const dotted = measured < 60;  // few values: each also drawn as a dot, so a one-episode run shows one
      if (this.plot === null || log !== this.log || dotted !== this.dotted) {
        if (this.plot !== null) this.plot.destroy();
        this.log = log;
        this.dotted = dotted;
        this.drawnWidth = width(this.el);
        this.plot = new uPlot({
          title: this.title + (log ? " (log scale)" : ""),
          width: this.drawnWidth, height: 220, legend: { live: false },
          scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
          series: [
            { label: "episode" },
            { label: "value", stroke: "rgba(58,123,213,0.35)", width: 1, spanGaps: true, points: { show: dotted, size: 5 } },
            { label: "moving average", stroke: "#1d4f9c", width: 2, spanGaps: true, points: { show: false } },
          ],
          axes: [{ label: "episode" }, {}],
        }, data, this.el);
      } else {
        this.plot.setData(data);
      }
      this.el.dataset.points = String(measured);
    }
  }

  /** One metric of several runs overlaid, each as its moving average. */
  function overlay(el, metric, runs) {
    const xs = Array.from(new Set(runs.flatMap(r => r.episodes))).sort((a, b) => a - b);
    const index = new Map(xs.map((x, i) => [x, i]));
    let data = [xs];
    const series = [{ label: "episode" }];
    let points = 0;
    runs.forEach((run, k) => {
      const ys = new Array(xs.length).fill(null);
      const average = movingAverage(run.values, window(run.values.length));
      run.episodes.forEach((e, i) => { ys[index.get(e)] = average[i]; });
      points += run.values.filter(v => v !== null).length;
      data.push(ys);
      series.push({ label: run.id, stroke: COLOURS[k % COLOURS.length], width: 2, spanGaps: true,
                    points: { show: xs.length < 60, size: 5 } });
    });
    data = thin(data);
    el.innerHTML = "";
    const log = wantsLog(runs.flatMap(r => r.values));
    new uPlot({
      title: metric + " (moving average)" + (log ? ", log scale" : ""),
      width: width(el), height: 280, legend: { live: false },
      scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
      series, axes: [{ label: "episode" }, {}],
    }, data, el);
    el.dataset.points = String(points);
  }

  return { MetricChart, overlay, movingAverage, wantsLog };
})();
