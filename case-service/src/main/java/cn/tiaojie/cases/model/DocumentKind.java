package cn.tiaojie.cases.model;

/** What a case document is. */
public enum DocumentKind {
    /** 证据 */
    EVIDENCE,
    /** 身份证明 */
    ID_COPY,
    /** 调解协议书 */
    AGREEMENT,
    /** 笔录 */
    MINUTES,
    /** 通知书 */
    NOTICE,
    /** 送达回证 */
    PROOF_OF_SERVICE,
    /** 其他 */
    OTHER
}
