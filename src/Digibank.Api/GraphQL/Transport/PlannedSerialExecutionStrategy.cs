using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// Runs a query as GraphQL.NET's serial strategy does, but works out once per selection set which fields it asks of
/// its type. A page of twenty courses holds some eighty objects under four selection sets, and GraphQL.NET would
/// collect their fields anew for every one. Selection sets with directives, fragments or a repeated response key
/// depend on the request or need merging, and are left to GraphQL.NET.
/// </summary>
public sealed class PlannedSerialExecutionStrategy : SerialExecutionStrategy
{
    private readonly ConditionalWeakTable<GraphQLSelectionSet, SelectionPlan> _plans = new();

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var selectionSet = parent.SelectionSet!;
        var type = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        if (!_plans.TryGetValue(selectionSet, out var plan) || plan.Type != type)
        {
            plan = Plan(context.Schema, type, selectionSet);
            _plans.AddOrUpdate(selectionSet, plan);
        }

        if (plan.Fields is not { } fields)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            subFields[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }

        parent.SubFields = subFields;
    }

    private SelectionPlan Plan(ISchema schema, IGraphType type, GraphQLSelectionSet selectionSet)
    {
        if (type is not IComplexGraphType complexType)
        {
            return new SelectionPlan(type, null);
        }

        var fields = new (GraphQLField, FieldType)[selectionSet.Selections.Count];
        var responseKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            if (selectionSet.Selections[i] is not GraphQLField { Directives: null } field
                || !responseKeys.Add((field.Alias?.Name ?? field.Name).StringValue)
                || GetFieldDefinition(schema, complexType, field) is not { } definition)
            {
                return new SelectionPlan(type, null);
            }

            fields[i] = (field, definition);
        }

        return new SelectionPlan(type, fields);
    }

    /// <summary>The fields a selection set asks of one type, in order; none when GraphQL.NET must collect them.</summary>
    private sealed record SelectionPlan(IGraphType Type, (GraphQLField Field, FieldType Definition)[]? Fields);
}
