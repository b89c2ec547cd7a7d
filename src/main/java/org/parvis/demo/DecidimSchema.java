package org.parvis.demo;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An executable Decidim GraphQL schema over in-memory fixture data: the reconstructed SDL of a
 * Decidim generation (see {@code decidim/README.md} beside the files), wired so that objects are
 * plain maps keyed by field name, interfaces resolve through each map's {@code __typename}, Relay
 * connections page their list with Decidim's cap of 50 per page and opaque cursors, and custom
 * scalars pass their ISO strings through.
 *
 * <p>Immutable and thread-safe once built.
 */
final class DecidimSchema {

    /** Decidim's {@code max_page_size}. */
    static final int MAX_PAGE_SIZE = 50;

    private static final Set<String> BUILT_IN_SCALARS =
            Set.of("Int", "Float", "String", "Boolean", "ID");

    private DecidimSchema() {}

    /** The SDL text of a generation ({@code 0.27}, {@code 0.28}, {@code 0.30}). */
    static String sdl(String generation) {
        String path = "/org/parvis/demo/decidim/schema-" + generation + ".graphql";
        try (InputStream in = DecidimSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no Decidim schema for generation '" + generation
                        + "'; expected 0.27, 0.28 or 0.30");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The executable schema of {@code sdl} answering root fields from {@code roots}: each root
     * field name maps to a function of the field's arguments.
     */
    static GraphQLSchema build(
            String sdl, Map<String, Function<Map<String, Object>, @Nullable Object>> roots) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();

        for (ScalarTypeDefinition scalar : registry.scalars().values()) {
            if (!BUILT_IN_SCALARS.contains(scalar.getName())) {
                wiring.scalar(passThrough(scalar.getName()));
            }
        }
        TypeResolver byTypename = env -> {
            Object source = env.getObject();
            String name = source instanceof Map<?, ?> map ? (String) map.get("__typename") : null;
            return name == null ? null : env.getSchema().getObjectType(name);
        };
        for (InterfaceTypeDefinition type : registry.getTypes(InterfaceTypeDefinition.class)) {
            wiring.type(type.getName(), b -> b.typeResolver(byTypename));
        }
        for (UnionTypeDefinition type : registry.getTypes(UnionTypeDefinition.class)) {
            wiring.type(type.getName(), b -> b.typeResolver(byTypename));
        }

        // Relay connections page the list the parent map holds under the field's name.
        for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
            type.getFieldDefinitions().stream()
                    .filter(field -> typeName(field.getType()).endsWith("Connection"))
                    .forEach(field -> wiring.type(
                            type.getName(),
                            b -> b.dataFetcher(field.getName(), connection(field.getName()))));
        }
        wiring.type("Query", b -> {
            roots.forEach((field, answer) ->
                    b.dataFetcher(field, env -> answer.apply(env.getArguments())));
            return b;
        });
        return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    }

    private static String typeName(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return typeName(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return typeName(list.getType());
        }
        return ((TypeName) type).getName();
    }

    private static DataFetcher<Object> connection(String field) {
        return env -> {
            Object source = env.getSource();
            List<?> all = source instanceof Map<?, ?> map && map.get(field) instanceof List<?> list
                    ? list
                    : List.of();
            Integer first = env.getArgument("first");
            String after = env.getArgument("after");
            int size = Math.min(first == null ? MAX_PAGE_SIZE : first, MAX_PAGE_SIZE);
            int from = after == null ? 0 : decodeCursor(after) + 1;
            int to = Math.min(all.size(), from + Math.max(0, size));
            List<?> page = from >= all.size() ? List.of() : all.subList(from, to);

            Map<String, Object> info = new LinkedHashMap<>();
            info.put("hasNextPage", to < all.size());
            info.put("hasPreviousPage", from > 0);
            info.put("startCursor", page.isEmpty() ? null : cursor(from));
            info.put("endCursor", page.isEmpty() ? null : cursor(to - 1));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("pageInfo", info);
            result.put("nodes", page);
            result.put(
                    "edges",
                    java.util.stream.IntStream.range(0, page.size())
                            .mapToObj(i -> Map.of("cursor", cursor(from + i), "node", page.get(i)))
                            .toList());
            return result;
        };
    }

    private static String cursor(int index) {
        return Base64.getEncoder()
                .encodeToString(Integer.toString(index + 1).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        try {
            return Integer.parseInt(
                            new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8))
                    - 1;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cursor '" + cursor + "'", e);
        }
    }

    private static GraphQLScalarType passThrough(String name) {
        UnaryOperator<Object> same = value -> value;
        return GraphQLScalarType.newScalar()
                .name(name)
                .description(name + " as its ISO 8601 or JSON text")
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object result, GraphQLContext context, Locale locale) {
                        return same.apply(result);
                    }

                    @Override
                    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                        return same.apply(input);
                    }

                    @Override
                    public Object parseLiteral(
                            Value<?> input,
                            CoercedVariables variables,
                            GraphQLContext context,
                            Locale locale) {
                        return input instanceof StringValue text ? text.getValue() : input;
                    }
                })
                .build();
    }
}
