package cn.tiaojie.platform.area;

/** Handling levels, lowest first; the same names as the wire enum tiaojie.common.v1.AreaLevel. */
public enum AreaLevel {
    GRID, VILLAGE, TOWNSHIP, COUNTY;

    public AreaLevel higher() {
        return this == COUNTY ? COUNTY : values()[ordinal() + 1];
    }

    public boolean isAbove(AreaLevel other) {
        return ordinal() > other.ordinal();
    }
}
