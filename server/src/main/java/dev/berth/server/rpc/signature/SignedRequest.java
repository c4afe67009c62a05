package dev.berth.server.rpc.signature;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the signature checks see of an HTTP request, free of any server library: the HTTP layer
 * fills it in.
 *
 * @param method          the HTTP method, upper case as sent ({@code GET}, {@code POST})
 * @param path            the decoded path ({@code /} for the RPC API)
 * @param queryParameters the query string's parameters, decoded ({@code +} read as a space, as the
 *                        SDKs' encoders write it), in order, possibly repeated
 * @param formParameters  the parameters of an {@code application/x-www-form-urlencoded} body,
 *                        decoded, in order; empty for any other body
 * @param headers         every header, its name lower-cased, its values in order
 * @param body            the body's bytes as received (empty when there is none)
 */
public record SignedRequest(String method, String path, List<Map.Entry<String, String>> queryParameters,
                            List<Map.Entry<String, String>> formParameters, Map<String, List<String>> headers,
                            byte[] body) {
    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (method.isBlank()) {
            throw new IllegalArgumentException("empty method");
        }
        queryParameters = copy(queryParameters, "queryParameters");
        formParameters = copy(formParameters, "formParameters");
        headers = lowerCased(Objects.requireNonNull(headers, "headers"));
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * Reads {@code a=1&b=x%20y}, a query string or a form body, with {@code +} read as a space, as
     * the SDKs' encoders write it.
     */
    public static List<Map.Entry<String, String>> decodeParameters(String encoded) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return parameters;
    }

    /** The body's bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Every parameter of the query string, then every parameter of the form body. */
    public Stream<Map.Entry<String, String>> parameters() {
        return Stream.concat(queryParameters.stream(), formParameters.stream());
    }

    /** The values of a parameter, from the query string and the form body. */
    public List<String> parameterValues(String name) {
        return parameters().filter(entry -> entry.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    /** The values of a header, whatever the case of the name asked. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The header's value when it is sent once. */
    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedRequest that && method.equals(that.method) && path.equals(that.path)
                && queryParameters.equals(that.queryParameters) && formParameters.equals(that.formParameters)
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, queryParameters, formParameters, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + path + ", query " + queryParameters + ", form " + formParameters
                + ", headers " + headers.keySet() + ", body " + body.length + " bytes]";
    }

    private static List<Map.Entry<String, String>> copy(List<Map.Entry<String, String>> entries, String what) {
        Objects.requireNonNull(entries, what);
        return entries.stream().map(entry -> Map.entry(entry.getKey(), entry.getValue())).toList();
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        headers.forEach((name, values) -> merged
                .computeIfAbsent(Objects.requireNonNull(name, "header name").toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values.stream().map(value -> Objects.requireNonNull(value, "header value")).toList()));
        merged.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(merged);
    }
}
