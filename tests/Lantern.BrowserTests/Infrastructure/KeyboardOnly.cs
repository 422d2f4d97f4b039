using Microsoft.Playwright;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>How a person without a mouse moves through a page: Tab to a control, arrows in a radio group, Space, Enter.</summary>
public static class KeyboardOnly
{
    /// <summary>Presses Tab until <paramref name="selector"/> has the focus.</summary>
    public static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 120; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    /// <summary>Tab into a group of radio buttons, then the arrow keys to the answer (how a radio group is used from the keyboard).</summary>
    public static async Task ChooseAsync(IPage page, string name, string value)
    {
        await TabToAsync(page, $"input[name={name}]");
        for (var presses = 0; presses < 8 && await page.EvaluateAsync<string>("() => document.activeElement.value") != value; presses++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator($"input[name={name}][value={value}]").IsCheckedAsync(), $"The arrows never reached {name}={value} on {page.Url}");
    }

    /// <summary>Tab to a checkbox and tick it with Space.</summary>
    public static async Task TickAsync(IPage page, string selector)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator(selector).IsCheckedAsync(), $"Space did not tick {selector} on {page.Url}");
    }

    /// <summary>Tab to a text field and type into it.</summary>
    public static async Task TypeAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Presses a key that loads a new page (Enter on a link or a button) and waits until it has loaded.</summary>
    public static async Task PressAndLoadAsync(BrowserSession session, string key)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        session.Page.Load += OnLoad;
        try
        {
            await session.Page.Keyboard.PressAsync(key);
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            session.Page.Load -= OnLoad;
        }
    }

    /// <summary>Tab to a button and press Enter on it.</summary>
    public static async Task SubmitAsync(BrowserSession session, string selector)
    {
        await TabToAsync(session.Page, selector);
        await PressAndLoadAsync(session, "Enter");
    }
}
