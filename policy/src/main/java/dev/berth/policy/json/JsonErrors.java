package dev.berth.policy.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says in plain words, with line and column, why a text is not JSON; no parser internals leak out. */
final class JsonErrors {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern CHARACTER = Pattern.compile("Unexpected character \\('(.*?)' \\(code (\\d+)");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'");

    private JsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String at = location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "not valid JSON" + at + ": " + reason(e);
    }

    private static String reason(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "nested too deeply";
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return "duplicate key " + Problems.quote(duplicate.group(1));
        }
        if (message.startsWith("Trailing token")) {
            return "unexpected content after the document";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the text ends before the document does";
        }
        Matcher character = CHARACTER.matcher(message);
        if (character.find()) {
            int code = Integer.parseInt(character.group(2));
            return code < 0x20 ? "unexpected control character " + code : "unexpected character " + Problems.quote(character.group(1));
        }
        Matcher token = TOKEN.matcher(message);
        if (token.find()) {
            return "unknown word " + Problems.quote(token.group(1));
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a control character in a string must be escaped";
        }
        if (message.startsWith("Unrecognized character escape") || message.contains("escape")) {
            return "invalid escape in a string";
        }
        if (message.contains("numeric value") || message.contains("Leading zero") || message.contains("number")) {
            return "malformed number";
        }
        return "malformed JSON";
    }
}
