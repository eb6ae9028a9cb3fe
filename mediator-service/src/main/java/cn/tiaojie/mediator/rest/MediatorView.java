package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.platform.privacy.Masking;
import java.math.BigDecimal;
import java.util.List;

/** A member of the pool; phone and e-mail masked unless the reader needs to reach them. */
public record MediatorView(String id, String name, String role, String roleName, String areaCode, String organization,
        String organizationKind, String phone, String email, List<String> languages, List<String> expertise,
        int capacity, BigDecimal rating, String status, boolean active, List<String> channels, long version) {

    public static MediatorView of(Mediator m, boolean showContact) {
        return new MediatorView(m.id, m.name, m.role.name(), m.role.nameZh(), m.areaCode, m.organization,
                m.organizationKind == null ? null : m.organizationKind.name(),
                showContact ? m.phone : Masking.phone(m.phone), showContact ? m.email : Masking.email(m.email),
                m.languageList(), m.expertiseList(), m.capacity, m.rating, m.status.name(), m.isActive(),
                m.channelList(), m.version);
    }
}
