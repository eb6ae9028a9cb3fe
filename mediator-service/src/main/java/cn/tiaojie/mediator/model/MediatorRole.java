package cn.tiaojie.mediator.model;

/** The 三官三师 and people's mediators; the same codes as the taxonomy's roles and the wire enum. */
public enum MediatorRole {
    POLICE_OFFICER("警官"),
    JUDGE("法官"),
    PROSECUTOR("检察官"),
    LAWYER("律师"),
    SOCIAL_WORKER("社工师"),
    COUNSELOR("心理咨询师"),
    PEOPLE_MEDIATOR("人民调解员");

    private final String nameZh;

    MediatorRole(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public cn.tiaojie.contracts.common.v1.MediatorRole toProto() {
        return cn.tiaojie.contracts.common.v1.MediatorRole.valueOf(name());
    }
}
