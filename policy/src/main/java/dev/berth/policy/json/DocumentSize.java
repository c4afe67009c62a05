package dev.berth.policy.json;

/**
 * The size of a document as policy.md section 1 counts it: characters (Unicode code points) with the
 * JSON whitespace outside strings removed. Works on any text, valid JSON or not.
 */
final class DocumentSize {
    private DocumentSize() {
    }

    static int count(String text) {
        int size = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
                continue;
            }
            if (inString) {
                size++;
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                size++;
                inString = c == '"';
            }
        }
        return size;
    }
}
