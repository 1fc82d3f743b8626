package org.g2d2.app.view;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Shows an image of any size: enlarged without smoothing, so single pixels stay sharp, or shrunk
 * (smoothly) to fit when it is larger than the view. Optional layers:
 * an overlay stretched over the image (the token mask map), and a second image on the right of a
 * draggable divider (before/after compare). Scroll zooms about the pointer, dragging pans,
 * double-click fits the image again.
 */
public class PixelView extends Region {

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> overlay = new SimpleObjectProperty<>();
    private final BooleanProperty overlayVisible = new SimpleBooleanProperty(true);
    private final ObjectProperty<Image> compareImage = new SimpleObjectProperty<>();
    private final DoubleProperty split = new SimpleDoubleProperty(0.5);
    private final StringProperty caption = new SimpleStringProperty();
    private final StringProperty compareCaption = new SimpleStringProperty();
    private final DoubleProperty zoom = new SimpleDoubleProperty(0); // 0 = fit
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private boolean draggingSplit;

    public PixelView() {
        getStyleClass().add("pixel-view");
        getChildren().add(canvas);
        setMinSize(48, 48);
        setPrefSize(256, 256);
        for (var p : new javafx.beans.Observable[] {image, overlay, overlayVisible, compareImage, split, caption,
            compareCaption, zoom, widthProperty(), heightProperty()}) {
            p.addListener(o -> draw());
        }
        setOnScroll(e -> {
            double old = effectiveScale();
            // out as far as a quarter of the fitted size, so a large image can be seen whole and panned
            double next = Math.max(Math.min(0.5, fitScale() / 4), Math.min(256, old * (e.getDeltaY() > 0 ? 1.25 : 0.8)));
            // keep the pixel under the pointer where it is
            double cx = e.getX() - (getWidth() / 2 + panX);
            double cy = e.getY() - (getHeight() / 2 + panY);
            panX += cx - cx * next / old;
            panY += cy - cy * next / old;
            zoom.set(next);
            e.consume();
        });
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            draggingSplit = compareImage.get() != null && Math.abs(e.getX() - splitX()) < 8;
        });
        setOnMouseDragged(e -> {
            if (draggingSplit) {
                double[] r = imageRect();
                split.set(Math.max(0, Math.min(1, (e.getX() - r[0]) / r[2])));
            } else if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                panX += e.getX() - dragX;
                panY += e.getY() - dragY;
                draw();
            }
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseMoved(e -> setCursor(compareImage.get() != null && Math.abs(e.getX() - splitX()) < 8
                ? Cursor.H_RESIZE : Cursor.DEFAULT));
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                fit();
            }
        });
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    public ObjectProperty<Image> overlayProperty() {
        return overlay;
    }

    public BooleanProperty overlayVisibleProperty() {
        return overlayVisible;
    }

    public ObjectProperty<Image> compareImageProperty() {
        return compareImage;
    }

    /** Where the divider sits, 0 (left edge) to 1 (right edge). */
    public DoubleProperty splitProperty() {
        return split;
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public StringProperty compareCaptionProperty() {
        return compareCaption;
    }

    /** Screen pixels per image pixel; 0 fits the image to the view. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public void fit() {
        panX = 0;
        panY = 0;
        zoom.set(0);
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double effectiveScale() {
        Image img = image.get();
        if (img == null) {
            return 1;
        }
        if (zoom.get() > 0) {
            return zoom.get();
        }
        return fitScale();
    }

    /** The scale that fits the whole image in the view. */
    private double fitScale() {
        Image img = image.get();
        if (img == null) {
            return 1;
        }
        double s = Math.min((getWidth() - 8) / img.getWidth(), (getHeight() - 8) / img.getHeight());
        // whole multiples keep every pixel of a small image the same size on screen; a large image
        // (less than twice enlarged) uses the room it has
        return s >= 2 ? Math.floor(s) : Math.max(s, 0.01);
    }

    /** x, y, width, height of the image on the canvas. */
    private double[] imageRect() {
        Image img = image.get();
        double s = effectiveScale();
        double w = img == null ? 0 : img.getWidth() * s;
        double h = img == null ? 0 : img.getHeight() * s;
        return new double[] {Math.round((getWidth() - w) / 2 + panX), Math.round((getHeight() - h) / 2 + panY), w, h};
    }

    private double splitX() {
        double[] r = imageRect();
        return r[0] + r[2] * split.get();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Image img = image.get();
        if (img == null) {
            return;
        }
        double[] r = imageRect();
        // pixels enlarged by whole multiples stay sharp; a shrunk or slightly enlarged image is smoothed
        double scale = effectiveScale();
        g.setImageSmoothing(scale < 2 && scale != Math.floor(scale));
        g.drawImage(img, r[0], r[1], r[2], r[3]);
        Image ov = overlay.get();
        if (ov != null && overlayVisible.get()) {
            g.drawImage(ov, r[0], r[1], r[2], r[3]);
        }
        Image cmp = compareImage.get();
        if (cmp != null) {
            double sx = split.get();
            double srcX = cmp.getWidth() * sx;
            g.drawImage(cmp, srcX, 0, cmp.getWidth() - srcX, cmp.getHeight(),
                    r[0] + r[2] * sx, r[1], r[2] * (1 - sx), r[3]);
            double x = splitX();
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeLine(x, r[1], x, r[1] + r[3]);
            g.setFill(Color.WHITE);
            g.fillOval(x - 6, r[1] + r[3] / 2 - 6, 12, 12);
            label(g, compareCaption.get(), r[0] + r[2] - 4, r[1] + 4, true);
        }
        label(g, caption.get(), r[0] + 4, r[1] + 4, false);
    }

    private static void label(GraphicsContext g, String text, double x, double y, boolean alignRight) {
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setFont(Font.font(11));
        double w = text.length() * 6.2 + 8;
        double left = alignRight ? x - w : x;
        g.setFill(Color.rgb(0, 0, 0, 0.55));
        g.fillRoundRect(left, y, w, 17, 6, 6);
        g.setFill(Color.WHITE);
        g.fillText(text, left + 4, y + 13);
    }
}
