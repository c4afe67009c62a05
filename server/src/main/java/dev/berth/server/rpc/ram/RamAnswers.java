package dev.berth.server.rpc.ram;

import dev.berth.iam.key.AccessKey;
import dev.berth.iam.user.RamUser;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire shapes of RAM entities in answers, as Alibaba's SDK models read them. */
final class RamAnswers {
    private RamAnswers() {
    }

    static Map<String, Object> user(RamUser user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("UserId", user.id());
        fields.put("UserName", user.name().value());
        fields.put("DisplayName", user.displayName());
        fields.put("MobilePhone", user.mobilePhone());
        fields.put("Email", user.email());
        fields.put("Comments", user.comments());
        fields.put("CreateDate", date(user.createdAt()));
        fields.put("UpdateDate", date(user.updatedAt()));
        return fields;
    }

    static Map<String, Object> accessKey(AccessKey key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("AccessKeyId", key.id().value());
        fields.put("Status", key.status().name());
        fields.put("CreateDate", date(key.createdAt()));
        return fields;
    }

    static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
