package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import java.util.List;

class QueryParamsTest {

    @Test
    void decodesPercentEncodingAndPlusAsUtf8() {
        QueryParams params = QueryParams.parse("q=v%C3%A9lo+%26+bus&x=%2B1");

        assertThat(params.findSingle("q")).contains("vélo & bus");
        assertThat(params.findSingle("x")).contains("+1");
    }

    @Test
    void aNameWithoutValueIsEmpty() {
        assertThat(QueryParams.parse("q").findSingle("q")).contains("");
        assertThat(QueryParams.parse("q=").findSingle("q")).contains("");
    }

    @Test
    void emptyPairsAreIgnored() {
        assertThat(QueryParams.parse("&&q=1&").names()).containsExactly("q");
    }

    @Test
    void listValuesJoinRepeatsAndCommas() {
        QueryParams params = QueryParams.parse("themes=a,b&themes=c&themes=%20d%20");

        assertThat(params.listValues("themes")).containsExactly("a", "b", "c", "d");
        assertThat(params.listValues("absent")).isEmpty();
    }

    @Test
    void anEmptyListElementIsRejected() {
        Problem problem = problemOf(() -> QueryParams.parse("themes=a,,b").listValues("themes"));

        assertThat(problem.parameter()).isEqualTo("themes");
        assertThat(problem.value()).isEqualTo("a,,b");
    }

    @Test
    void aRepeatedSingleParameterIsRejected() {
        Problem problem =
                problemOf(() -> QueryParams.parse("place=fr&place=eu").findSingle("place"));

        assertThat(problem.parameter()).isEqualTo("place");
        assertThat(problem.detail()).contains("2 times");
    }

    @Test
    void aMissingRequiredParameterGivesTheHint() {
        Problem problem = problemOf(() -> QueryParams.parse("").getSingle("id", "give the URL"));

        assertThat(problem.parameter()).isEqualTo("id");
        assertThat(problem.detail()).isEqualTo("parameter 'id' is required: give the URL");
    }

    @Test
    void malformedEncodingIsRejectedNamingTheParameter() {
        for (String bad : List.of(
                "q=%", "q=%4", "q=%ZZ", "q=%C3", "q=%C3%28", "q=%ED%A0%80", "q=%00", "q=a%0Ab")) {
            Problem problem = problemOf(() -> QueryParams.parse(bad));

            assertThat(problem.status()).as(bad).isEqualTo(400);
            assertThat(problem.parameter()).as(bad).isEqualTo("q");
        }
    }

    @Test
    void aMalformedNameIsABadRequest() {
        Problem problem = problemOf(() -> QueryParams.parse("%ZZ=1"));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.parameter()).isNull();
        assertThat(problem.detail()).contains("%ZZ");
    }

    @Test
    void unknownParametersAreNamedWithTheAllowedOnes() {
        Problem problem =
                problemOf(() -> QueryParams.parse("b=1&a=2&ok=3").requireOnly(List.of("ok")));

        assertThat(problem.parameter()).isEqualTo("a");
        assertThat(problem.detail()).contains("'a', 'b'", "'ok'");
        assertThat(problem.allowed()).containsExactly("ok");
    }

    @Test
    void tooManyParametersAreRejected() {
        String query = "a=1&".repeat(QueryParams.MAX_PARAMETERS + 1);

        assertThat(problemOf(() -> QueryParams.parse(query)).detail()).contains("more than 64");
        assertThat(QueryParams.parse("a=1&".repeat(QueryParams.MAX_PARAMETERS)).listValues("a"))
                .hasSize(QueryParams.MAX_PARAMETERS);
    }

    @Test
    void anOverLongValueIsRejected() {
        Problem problem = problemOf(
                () -> QueryParams.parse("q=" + "a".repeat(QueryParams.MAX_VALUE_CHARS + 1)));

        assertThat(problem.parameter()).isEqualTo("q");
        assertThat(problem.value()).hasSizeLessThanOrEqualTo(120);
    }

    @Test
    void rawNonAsciiCharactersAreKept() {
        assertThat(QueryParams.parse("q=café").findSingle("q")).contains("café");
    }

    @Test
    void anEmptyOrOverLongNameIsABadRequest() {
        assertThat(problemOf(() -> QueryParams.parse("=1")).detail())
                .contains("name must be 1 to 64");
        assertThat(problemOf(() -> QueryParams.parse("n".repeat(65) + "=1")).parameter())
                .isNull();
    }

    private static Problem problemOf(Runnable action) {
        ProblemException e = catchThrowableOfType(ProblemException.class, action::run);
        assertThat(e).as("expected a problem").isNotNull();
        return e.problem();
    }
}
