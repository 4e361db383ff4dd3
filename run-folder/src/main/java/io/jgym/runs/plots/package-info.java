/**
 * Plots drawn with XChart for run folders and reports: {@link io.jgym.runs.plots.Series} (a named
 * curve, optionally with a band), {@link io.jgym.runs.plots.CurveChart} (one panel of curves with the
 * scale chosen from the data) and {@link io.jgym.runs.plots.Figure} (panels tiled into one PNG). The
 * learning curve of every run and the sweep reports are drawn through these.
 */
package io.jgym.runs.plots;
