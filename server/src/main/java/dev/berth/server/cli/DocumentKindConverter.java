package dev.berth.server.cli;

import dev.berth.policy.document.DocumentKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code identity}, {@code trust} or {@code session}. */
final class DocumentKindConverter implements ITypeConverter<DocumentKind> {
    @Override
    public DocumentKind convert(String value) {
        return DocumentKind.labelled(value).orElseThrow(() ->
                new TypeConversionException("`" + value + "` is not a document kind: use identity, trust or session"));
    }
}
