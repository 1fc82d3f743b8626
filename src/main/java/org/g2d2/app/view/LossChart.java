package org.g2d2.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;
import org.g2d2.app.vm.LossPoint;

/** The likelihood ‖y − A(x̂)‖ and KL(q‖p̃) of every iteration, on a log scale, growing as frames arrive. */
final class LossChart extends LineChart<Number, Number> {

    private final XYChart.Series<Number, Number> likelihood = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> kl = new XYChart.Series<>();

    /**
     * An empty chart would auto-range its axes to 0 … 100, which the log labels show as 1 … 1e100;
     * until the first point arrives it shows 0.01 … 1000 over 20 iterations instead.
     */
    private void fixedRangeWhileEmpty(boolean empty) {
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        x.setAutoRanging(!empty);
        y.setAutoRanging(!empty);
        if (empty) {
            x.setLowerBound(0);
            x.setUpperBound(20);
            x.setTickUnit(5);
            y.setLowerBound(-2);
            y.setUpperBound(3);
            y.setTickUnit(1);
        }
    }

    LossChart(ObservableList<LossPoint> points) {
        super(new NumberAxis(), new NumberAxis());
        setId("loss-chart");
        getStyleClass().add("loss-chart");
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        x.setLabel("iteration");
        y.setLabel("loss (log scale)");
        x.setForceZeroInRange(false);
        y.setForceZeroInRange(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%.0e", Math.pow(10, n.doubleValue())).replace("e+00", "")
                        .replace("e-0", "e-").replace("e+0", "e");
            }

            @Override
            public Number fromString(String s) {
                return Math.log10(Double.parseDouble(s));
            }
        });
        likelihood.setName("likelihood \u2016y \u2212 A(x\u0302)\u2016");
        kl.setName("KL(q \u2016 p)");
        setAnimated(false);
        setHorizontalZeroLineVisible(false);
        setVerticalZeroLineVisible(false);
        setCreateSymbols(false);
        setLegendVisible(true);
        getData().add(likelihood);
        getData().add(kl);
        fixedRangeWhileEmpty(points.isEmpty());
        points.addListener((ListChangeListener<LossPoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && points.isEmpty()) {
                    likelihood.getData().clear();
                    kl.getData().clear();
                    fixedRangeWhileEmpty(true);
                }
                if (c.wasAdded()) {
                    fixedRangeWhileEmpty(false);
                    add(c.getAddedSubList());
                }
            }
        });
    }

    private void add(List<? extends LossPoint> added) {
        List<XYChart.Data<Number, Number>> a = new ArrayList<>();
        List<XYChart.Data<Number, Number>> b = new ArrayList<>();
        for (LossPoint p : added) {
            // a zero loss has no logarithm (KL is 0 where q starts as the prior): leave the point out
            if (p.likelihood() > 0) {
                a.add(new XYChart.Data<>(p.iteration(), Math.log10(p.likelihood())));
            }
            if (p.kl() > 1e-4) { // below this the KL is visually zero and would only stretch the axis
                b.add(new XYChart.Data<>(p.iteration(), Math.log10(p.kl())));
            }
        }
        // one addAll per hand-over keeps the chart to one layout per pulse
        likelihood.getData().addAll(a);
        kl.getData().addAll(b);
    }
}
