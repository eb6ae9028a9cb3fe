package cn.tiaojie.notify.service.scope;

/**
 * The center and area of the case a notice belongs to. {@code pending} when case-service could not be asked yet:
 * the notice is stored without scope and completed later by {@link CaseScopes#completePending()}.
 */
public record CaseScope(String centerCode, String areaCode, boolean pending) {

    /** No case, or a case case-service does not know: readable by admins and the recipient only. */
    public static final CaseScope NONE = new CaseScope(null, null, false);

    public static final CaseScope PENDING = new CaseScope(null, null, true);

    public static CaseScope of(String centerCode, String areaCode) {
        return new CaseScope(blankToNull(centerCode), blankToNull(areaCode), false);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
