package org.parvis.demo;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decidim's query complexity limit as graphql-ruby computes it: a field costs one plus what it
 * selects, a connection multiplies what it selects by its page size ({@code first}), and a
 * selection on an interface or a union costs as much as its costliest possible type, not the sum
 * of its fragments (graphql-ruby's {@code QueryComplexity} keeps the maximum over possible types).
 * graphql-java's own calculator sums the fragments and would refuse queries Decidim accepts.
 *
 * <p>Immutable and thread-safe.
 */
final class DecidimComplexity extends SimplePerformantInstrumentation {

    private final int max;

    DecidimComplexity(int max) {
        this.max = max;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        GraphQLSchema schema = context.getGraphQLSchema();
        int complexity = new Walk(
                        schema,
                        context.getFragmentsByName(),
                        context.getCoercedVariables().toMap())
                .selection(
                        context.getOperationDefinition().getSelectionSet(), schema.getQueryType());
        if (complexity > max) {
            throw new AbortExecutionException("Query has complexity of " + complexity
                    + ", which exceeds max complexity of " + max);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** One operation's walk through its selections. */
    private record Walk(
            GraphQLSchema schema,
            Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables) {

        /** The cost of a selection set: that of its costliest possible object type. */
        int selection(SelectionSet set, GraphQLCompositeType type) {
            int cost = 0;
            for (GraphQLObjectType object : possibleTypes(type)) {
                cost = Math.max(cost, on(set, object));
            }
            return cost;
        }

        private List<GraphQLObjectType> possibleTypes(GraphQLCompositeType type) {
            if (type instanceof GraphQLObjectType object) {
                return List.of(object);
            }
            if (type instanceof GraphQLInterfaceType face) {
                return schema.getImplementations(face);
            }
            List<GraphQLObjectType> members = new ArrayList<>();
            for (GraphQLNamedOutputType member : ((GraphQLUnionType) type).getTypes()) {
                members.add((GraphQLObjectType) member);
            }
            return members;
        }

        /** The cost of a selection set when the object is of this type. */
        private int on(SelectionSet set, GraphQLObjectType object) {
            int cost = 0;
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    cost += field(field, object);
                } else if (selection instanceof InlineFragment inline) {
                    if (applies(inline.getTypeCondition(), object)) {
                        cost += on(inline.getSelectionSet(), object);
                    }
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && applies(fragment.getTypeCondition(), object)) {
                        cost += on(fragment.getSelectionSet(), object);
                    }
                }
            }
            return cost;
        }

        private boolean applies(@Nullable TypeName condition, GraphQLObjectType object) {
            if (condition == null || condition.getName().equals(object.getName())) {
                return true;
            }
            GraphQLType type = schema.getType(condition.getName());
            return (type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType)
                    && schema.isPossibleType((GraphQLNamedType) type, object);
        }

        private int field(Field field, GraphQLObjectType object) {
            GraphQLFieldDefinition definition = object.getFieldDefinition(field.getName());
            int child = 0;
            if (definition != null
                    && field.getSelectionSet() != null
                    && GraphQLTypeUtil.unwrapAll(definition.getType())
                            instanceof GraphQLCompositeType composite) {
                child = selection(field.getSelectionSet(), composite);
            }
            Integer first = first(field);
            return first == null ? 1 + child : 1 + child * first;
        }

        private @Nullable Integer first(Field field) {
            for (Argument argument : field.getArguments()) {
                if (!"first".equals(argument.getName())) {
                    continue;
                }
                if (argument.getValue() instanceof IntValue value) {
                    return value.getValue().intValue();
                }
                if (argument.getValue() instanceof VariableReference reference
                        && variables.get(reference.getName()) instanceof Integer size) {
                    return size;
                }
            }
            return null;
        }
    }
}
