package dev.berth.registry.instance;

/**
 * The edition and specification of an instance, with its quotas (registry.md section 1). The
 * Standard figures are Alibaba's (25 namespaces, 3000 repositories): the spec names the edition only.
 */
public enum InstanceType {
    Personal(3, 300),
    Basic(15, 1000),
    Standard(25, 3000),
    Advanced(50, 5000);

    private final int namespaceQuota;
    private final int repositoryQuota;

    InstanceType(int namespaceQuota, int repositoryQuota) {
        this.namespaceQuota = namespaceQuota;
        this.repositoryQuota = repositoryQuota;
    }

    public int namespaceQuota() {
        return namespaceQuota;
    }

    public int repositoryQuota() {
        return repositoryQuota;
    }

    public boolean isPersonal() {
        return this == Personal;
    }
}
