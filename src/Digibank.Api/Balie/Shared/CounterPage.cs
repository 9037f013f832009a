using Digibank.Api.Staff;
using Microsoft.AspNetCore.Components;

namespace Digibank.Api.Balie.Shared;

/// <summary>
/// What every counter page has: the request, the signed-in person, the clock, and the way back after a form
/// (post, then redirect to a page that says what was done). A page reads and changes the store only through the
/// feature services, never the database itself (the architecture tests check it).
/// </summary>
public abstract class CounterPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    protected FormErrors Errors { get; } = new();

    /// <summary>The signed-in person; every page but the sign-in pages requires one.</summary>
    protected StaffUser Me => StaffUser.From(HttpContext.User) ?? throw new InvalidOperationException("This page needs a signed-in person.");

    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The numbers posted under <paramref name="name"/> (a group of check boxes); what is not a number is left out.</summary>
    protected IReadOnlyList<int> PostedNumbers(string name) =>
        HttpContext.Request.HasFormContentType
            ? [.. HttpContext.Request.Form[name].Select(value => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0).Where(number => number > 0)]
            : [];

    /// <summary>After a change: to <paramref name="path"/>, which shows what was done, so reloading the page does not do it again.</summary>
    protected void Redirect(string path) => Navigation.NavigateTo(path);
}
