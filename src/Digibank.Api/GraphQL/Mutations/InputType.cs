using System.ComponentModel;
using System.Reflection;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Mutations;

/// <summary>
/// A mutation's input type, generated from its record: the record's name and <c>[Description]</c>s,
/// nullability from its annotations, <c>[Id]</c> for ids. A field with a <c>[DefaultValue]</c> may be left
/// out, so it is nullable; a field without a description takes the one of the interface property it
/// implements, so shared fields (a resident's name and contact) read the same in every input.
/// </summary>
public sealed class InputType<TInput> : AutoRegisteringInputObjectGraphType<TInput>
{
    protected override TypeInformation GetTypeInformation(MemberInfo memberInfo)
    {
        var type = base.GetTypeInformation(memberInfo);
        type.IsNullable |= memberInfo.IsDefined(typeof(DefaultValueAttribute));
        return type;
    }

    protected override FieldType? CreateField(MemberInfo memberInfo)
    {
        var field = base.CreateField(memberInfo);
        field?.Description ??= typeof(TInput).GetInterfaces()
            .Select(contract => contract.GetProperty(memberInfo.Name)?.GetCustomAttribute<DescriptionAttribute>()?.Description)
            .FirstOrDefault(description => description is not null);
        return field;
    }
}
