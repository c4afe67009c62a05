package dev.berth.iam.service;

import dev.berth.policy.PolicyEngine;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.document.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled documents read from the store (policy versions, trust policies, session policies), kept
 * by their text: a stored text never changes meaning, so the cache is only ever a shortcut. Thread-safe.
 */
public final class StoredDocuments {
    private static final int CAPACITY = 4096;

    private final Map<String, PolicyDocument> parsed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PolicyDocument> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The compiled document; stored texts were validated when written, so a refusal here is a defect. */
    public PolicyDocument parse(String text, DocumentKind kind) {
        String key = kind.label() + ":" + text;
        synchronized (parsed) {
            PolicyDocument document = parsed.get(key);
            if (document != null) {
                return document;
            }
        }
        try {
            PolicyDocument document = PolicyEngine.parse(text, kind);
            synchronized (parsed) {
                parsed.put(key, document);
            }
            return document;
        } catch (MalformedPolicyDocumentException e) {
            throw new IllegalStateException("a stored policy document no longer parses", e);
        }
    }
}
