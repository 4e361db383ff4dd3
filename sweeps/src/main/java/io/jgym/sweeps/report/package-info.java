/**
 * A sweep's report in {@code runs/<sweep>/}: per configuration the IQM, mean and median of the runs'
 * final scores with 95% stratified-bootstrap intervals ({@code summary.csv}), every run's score and
 * outcome ({@code runs.csv}), interval, performance-profile and learning-curve PNGs drawn with XChart,
 * and {@code report.html} that shows them all with the table of failed runs.
 */
package io.jgym.sweeps.report;
