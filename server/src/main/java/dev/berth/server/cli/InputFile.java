package dev.berth.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a command's input: a file, or standard input when the name is {@code -}. UTF-8 only. */
final class InputFile {
    private InputFile() {
    }

    static String read(String name, InputStream standardInput) throws IOException {
        byte[] bytes = name.equals("-") ? standardInput.readAllBytes() : Files.readAllBytes(Path.of(name));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("`" + name + "` is not UTF-8 text", e);
        }
    }
}
