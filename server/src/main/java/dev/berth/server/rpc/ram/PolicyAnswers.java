package dev.berth.server.rpc.ram;

import dev.berth.iam.policy.Attachment;
import dev.berth.iam.policy.PolicyVersion;
import dev.berth.iam.policy.PolicyView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire shapes of policies and versions in answers. */
final class PolicyAnswers {
    private PolicyAnswers() {
    }

    static Map<String, Object> policy(PolicyView policy) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("PolicyName", policy.name());
        fields.put("PolicyType", policy.type().name());
        fields.put("Description", policy.description());
        fields.put("DefaultVersion", policy.defaultVersion());
        fields.put("CreateDate", RamAnswers.date(policy.createdAt()));
        fields.put("UpdateDate", RamAnswers.date(policy.updatedAt()));
        fields.put("AttachmentCount", policy.attachmentCount());
        fields.put("HighRisk", policy.highRisk());
        return fields;
    }

    static Map<String, Object> version(PolicyVersion version, String defaultVersion) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("VersionId", version.versionId());
        fields.put("IsDefaultVersion", version.versionId().equals(defaultVersion));
        fields.put("PolicyDocument", version.document());
        fields.put("CreateDate", RamAnswers.date(version.createdAt()));
        return fields;
    }

    static Map<String, Object> attached(Attachment attachment, PolicyView policy) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("PolicyName", policy.name());
        fields.put("PolicyType", policy.type().name());
        fields.put("Description", policy.description());
        fields.put("DefaultVersion", policy.defaultVersion());
        fields.put("AttachDate", RamAnswers.date(attachment.attachedAt()));
        attachment.resourceGroup().ifPresent(group -> fields.put("ResourceGroupId", group));
        return fields;
    }
}
