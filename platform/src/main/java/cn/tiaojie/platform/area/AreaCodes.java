package cn.tiaojie.platform.area;

import java.util.regex.Pattern;

/**
 * Area codes after the national statistical division codes: 6 digits a county, 9 a township, 12 a village or
 * community, 15 a grid. An area's ancestors are its prefixes.
 */
public final class AreaCodes {

    private static final Pattern CODE = Pattern.compile("\\d{6}(\\d{3}){0,3}");

    private AreaCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static AreaLevel levelOf(String code) {
        return switch (code.length()) {
            case 6 -> AreaLevel.COUNTY;
            case 9 -> AreaLevel.TOWNSHIP;
            case 12 -> AreaLevel.VILLAGE;
            case 15 -> AreaLevel.GRID;
            default -> throw new IllegalArgumentException("not an area code: " + code);
        };
    }

    /** The code of the area at {@code level} that contains {@code code} (itself if already at or below). */
    public static String ancestorAt(String code, AreaLevel level) {
        int length = switch (level) {
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
            default -> 15;
        };
        return code.length() <= length ? code : code.substring(0, length);
    }

    /** True when {@code code} lies in {@code area} or is {@code area} itself. */
    public static boolean isWithin(String code, String area) {
        return code != null && area != null && code.startsWith(area);
    }

    /** How many levels two areas share from the county down: 0 none, 4 the same grid. */
    public static int sharedLevels(String a, String b) {
        int shared = 0;
        for (int length = 6; length <= Math.min(a.length(), b.length()); length += 3) {
            if (!a.regionMatches(0, b, 0, length)) {
                break;
            }
            shared++;
        }
        return shared;
    }
}
