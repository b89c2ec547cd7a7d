package org.parvis.source.decidim;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Every document the connector can send, validated against the reconstructed schema of the Decidim
 * generation it targets (see {@code org/parvis/demo/decidim/README.md} for their provenance).
 */
class DecidimQueriesTest {

    static GraphQLSchema schema(DecidimVersion version) {
        String path = "/org/parvis/demo/decidim/schema-" + version.label() + ".graphql";
        try (InputStream in = DecidimQueriesTest.class.getResourceAsStream(path)) {
            String sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(
                    new SchemaParser().parse(sdl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParseAndValidateResult validate(GraphQLSchema schema, String query) {
        return ParseAndValidate.parseAndValidate(
                schema,
                ExecutionInput.newExecutionInput(query)
                        .variables(Map.of("id", "1", "after", "x"))
                        .build());
    }

    @ParameterizedTest
    @EnumSource(DecidimVersion.class)
    void everyQueryIsValidAgainstTheSchemaItTargets(DecidimVersion version) {
        GraphQLSchema schema = schema(version);

        for (String query : DecidimQueries.listAll(version)) {
            assertThat(validate(schema, query).getErrors()).as(query).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DecidimVersion.class,
            names = {"V0_27", "V0_28"})
    void queriesOfTheTaxonomyGenerationAreRejectedByOlderSchemas(DecidimVersion older) {
        GraphQLSchema schema = schema(older);

        assertThat(validate(schema, DecidimQueries.proposals(DecidimVersion.V0_30))
                        .getErrors())
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error.getMessage()).contains("taxonomies"));
        assertThat(validate(schema, DecidimQueries.space(DecidimVersion.V0_30, "Assembly"))
                        .getErrors())
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error.getMessage()).contains("taxonomies"));
    }

    @ParameterizedTest
    @EnumSource(
            value = DecidimVersion.class,
            names = {"V0_27", "V0_28"})
    void scopeQueriesAreRejectedByTheTaxonomySchema(DecidimVersion older) {
        GraphQLSchema schema = schema(DecidimVersion.V0_30);

        assertThat(validate(schema, DecidimQueries.spaces(older, false)).getErrors())
                .isNotEmpty();
    }
}
