package org.g2d2.core.colour;

/**
 * Which channels the prior restores when the image's channels and the pack's differ.
 */
public enum ChannelPlan {
    /** The image has the pack's channels: the prior restores all of them. */
    DIRECT("all channels"),
    /** A colour image on a grey pack: the prior restores the luma, a classical method the chroma. */
    LUMA("luma (chroma: classical)"),
    /** A grey image on a colour pack: restored as grey RGB, returned as its luma. */
    GREY_ON_COLOUR("grey as RGB");

    private final String description;

    ChannelPlan(String description) {
        this.description = description;
    }

    /** For summaries and run records, e.g. "luma (chroma: classical)". */
    public String description() {
        return description;
    }

    public static ChannelPlan of(int imageChannels, int packChannels) {
        if (imageChannels == packChannels) {
            return DIRECT;
        }
        if (packChannels == 1 && imageChannels == 3) {
            return LUMA;
        }
        if (packChannels == 3 && imageChannels == 1) {
            return GREY_ON_COLOUR;
        }
        throw new org.g2d2.core.InvalidInputException("an image with " + imageChannels + " channels cannot be restored "
                + "with a " + packChannels + "-channel pack; allowed: 1 (grey) or 3 (RGB)");
    }
}
