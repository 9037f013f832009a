using Microsoft.Playwright;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// The pages of one dashboard test in a real browser (Debian's Chromium driven by Playwright, in Dutch, on Brussels
/// time) against the API on Kestrel, what their scripts threw, and the checks the dashboard's browser tests share.
/// </summary>
public sealed class DashboardBrowser(DashboardApiFactory api) : IAsyncDisposable
{
    public const float Patience = HeadlessChromium.Patience;

    public static readonly IFormatProvider Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-BE");

    private readonly HeadlessChromium _chromium = new();

    /// <summary>What the scripts of the pages opened here threw.</summary>
    public List<string> PageErrors { get; } = [];

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();

    public static int ParseCount(string text) => int.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), Dutch);

    public static Task<string> Text(IPage page, string selector) => page.Locator(selector).InnerTextAsync();

    public async Task<IPage> OpenAsync(string path)
    {
        var page = await NewPageAsync();
        await GoToAsync(page, path);
        return page;
    }

    public static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.snapshots) >= 1", null, new() { Timeout = Patience });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await (await _chromium.BrowserAsync()).NewContextAsync(new()
        {
            BaseURL = api.BaseAddress.ToString(),
            Locale = "nl-BE",
            TimezoneId = "Europe/Brussels",
            ViewportSize = new() { Width = 1400, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => PageErrors.Add(error);
        return page;
    }

    /// <summary>
    /// Every visible piece of text against the background it is drawn on (transparent layers blended),
    /// with the WCAG 2.1 thresholds: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
    /// </summary>
    public static async Task AssertContrastAsync(IPage page)
    {
        var failures = await page.EvaluateAsync<string[]>("""
            () => {
              const parse = (c) => {
                const m = /rgba?\(([^)]+)\)/.exec(c || '');
                if (!m) return null;
                const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
                return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
              };
              const blend = (top, bottom) => ({
                r: top.r * top.a + bottom.r * (1 - top.a),
                g: top.g * top.a + bottom.g * (1 - top.a),
                b: top.b * top.a + bottom.b * (1 - top.a),
                a: 1,
              });
              const luminance = ({ r, g, b }) => {
                const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
              };
              const background = (el) => {
                const layers = [];
                for (let e = el; e; e = e.parentElement) {
                  const c = parse(getComputedStyle(e).backgroundColor);
                  if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
                }
                let bg = { r: 255, g: 255, b: 255, a: 1 };
                for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg);
                return bg;
              };
              const failures = [];
              const seen = new Set();
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const text = walker.currentNode.textContent.trim();
                const el = walker.currentNode.parentElement;
                if (!text || !el || seen.has(el)) continue;
                seen.add(el);
                if (el.closest('[hidden], desc, title, script, style') || el.getClientRects().length === 0) continue;
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
                const isSvg = el instanceof SVGElement;
                const fg = parse(isSvg ? style.fill : style.color);
                if (!fg) continue;
                const bg = background(isSvg ? el.closest('svg').parentElement : el);
                const l1 = luminance(blend(fg, bg));
                const l2 = luminance(bg);
                const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                const size = parseFloat(style.fontSize);
                const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
                if (ratio < (large ? 3 : 4.5)) {
                  failures.push(`${ratio.toFixed(2)}:1 for "${text.slice(0, 40)}" (${style.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}))`);
                }
              }
              return failures;
            }
            """);
        Assert.Empty(failures);
    }
}
