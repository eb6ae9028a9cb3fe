package cn.tiaojie.cases.service.online;

import java.math.BigDecimal;

/**
 * 网上申请调解 as a resident fills it in: the center (from the form's address or its QR code), what happened (the
 * subcategory the plain-language choice maps to, and their own words), where, how much, who the other side is, and
 * how to reach them (the phone that received the code).
 */
public record OnlineApplication(
        String centerCode,
        String phone,
        String code,
        String subcategory,
        String whatHappened,
        String place,
        BigDecimal amount,
        String applicantName,
        String otherSideName,
        String otherSidePhone) {
}
