package dev.berth.policy.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.document.PolicyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Refusals say where and what (policy.md section 1, STYLE.md on messages). */
class PolicyDocumentReaderTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}|statement 0: `Effect` must be \"Allow\" or \"Deny\", got `allow`",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringSortOf\":{\"acs:UserAgent\":\"x\"}}}]}|statement 1: unknown condition operator `StringSortOf`",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":\"10.0.0.300/8\"}}}]}|statement 0: condition `IpAddress`, key `acs:SourceIp`: `10.0.0.300/8` is not an IP address or CIDR block",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}|`Version` must be \"1\", got `2012-10-17`",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}|not valid JSON at line 1, column 55: duplicate key `Effect`",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"CR:Pull\",\"Resource\":\"*\"}]}|statement 0: `Action` `CR:Pull` is not `*` or `service:action`",
            "{\"Version\":\"1\",\"Statement\":[]}|`Statement` must be a non-empty array of statements, got an empty array",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}]}|statement 0: `Action` must be a string or a non-empty array of strings, got an empty array",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"k\":\"ten\"}}}]}|statement 0: condition `NumericLessThan`, key `k`: `ten` is not a number",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]} x|not valid JSON at line 1, column 78: unknown word `x`",
            "{\"Version\":\"1\",\"Statement\":[|not valid JSON at line 1, column 29: the text ends before the document does",
    })
    void refusalsSayWhereAndWhat(String document, String expected) {
        assertThatThrownBy(() -> PolicyDocumentReader.read(document, DocumentKind.IDENTITY))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void everyProblemOfADocumentIsReported() {
        String document = "{\"Version\":\"1\",\"Extra\":1,\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Principal\":\"*\"}]}";
        assertThatThrownBy(() -> PolicyDocumentReader.read(document, DocumentKind.IDENTITY))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> assertThat(e.problems()).containsExactly(
                        "unknown top-level key `Extra`",
                        "statement 0: `Effect` must be \"Allow\" or \"Deny\", got `allow`",
                        "statement 0: `Resource` or `NotResource` is required",
                        "statement 1: `Principal` is only allowed in a trust policy"));
    }

    @Test
    void sizeIsCountedWithoutWhitespaceOutsideStrings() throws MalformedPolicyDocumentException {
        PolicyDocument document = PolicyDocumentReader.read(
                "{ \"Version\" : \"1\",\n \"Statement\" : [ { \"Effect\" : \"Allow\", \"Action\" : \"*\", \"Resource\" : \"acs:oss:*:*:bucket/a b\" } ] }",
                DocumentKind.SESSION);
        assertThat(document.size()).isEqualTo(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"acs:oss:*:*:bucket/a b\"}]}".length());
    }

    @Test
    void anOversizedDocumentNamesItsSizeAndTheLimit() {
        String padding = "x".repeat(2100);
        String document = "{\"Version\":\"1\",\"Statement\":[{\"Sid\":\"" + padding + "\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        assertThatThrownBy(() -> PolicyDocumentReader.read(document, DocumentKind.SESSION))
                .hasMessage("document is " + document.length() + " characters without whitespace, over the limit of 2048 for a session policy");
    }

    @Test
    void aLongValueIsShortenedInMessages() {
        String action = "cr:" + "A".repeat(500) + " ";
        assertThatThrownBy(() -> PolicyDocumentReader.read(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}",
                DocumentKind.IDENTITY))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
