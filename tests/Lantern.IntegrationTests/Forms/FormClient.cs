using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Lantern.IntegrationTests.Forms;

/// <summary>
/// Drives the server-rendered pages the way a browser without JavaScript does: GET a page, read its form
/// (hidden inputs such as the antiforgery token <c>__af</c> and the encrypted questionnaire state included),
/// fill in fields, press a button and POST, following redirects and keeping cookies. Use a client from
/// <c>factory.CreateClient()</c>, which follows redirects and keeps cookies.
/// </summary>
public sealed class FormClient(HttpClient client)
{
    private readonly HtmlParser _parser = new();

    public HttpClient Client { get; } = client;

    public async Task<HtmlPage> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>Sends a filled form as the browser would and reads the page that comes back (after any redirects).</summary>
    public async Task<HtmlPage> SubmitAsync(FormFill fill, CancellationToken cancellationToken = default)
    {
        var method = (fill.Form.Method ?? "get").ToUpperInvariant();
        var action = string.IsNullOrEmpty(fill.Form.GetAttribute("action"))
            ? fill.Page.Url
            : new Uri(fill.Page.Url, fill.Form.GetAttribute("action")!);
        var fields = fill.Fields.ToList();

        using var request = method == "POST"
            ? new HttpRequestMessage(HttpMethod.Post, action) { Content = Encode(fill.Form, fields, fill.Files) }
            : new HttpRequestMessage(HttpMethod.Get, new UriBuilder(action) { Query = QueryString(fields) }.Uri);
        var response = await Client.SendAsync(request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static HttpContent Encode(IHtmlFormElement form, List<KeyValuePair<string, string>> fields, IReadOnlyList<FormFile> files)
    {
        if (string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            // In document order, as a browser sends them: what stands before the first file field goes first, then
            // the files, then the rest (Lantern reads no file before the antiforgery token; EncryptedFormReader).
            var elements = form.Elements.ToList();
            var firstFile = elements.FindIndex(e => e is IHtmlInputElement { Type: "file" });
            bool Before(string name) => firstFile >= 0 && elements.FindIndex(e => e.GetAttribute("name") == name) is var at && at >= 0 && at < firstFile;
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields.Where(f => Before(f.Key)))
            {
                multipart.Add(new StringContent(value), name);
            }

            foreach (var file in files)
            {
                multipart.Add(new ByteArrayContent(file.Content), file.Field, file.FileName);
            }

            foreach (var (name, value) in fields.Where(f => !Before(f.Key)))
            {
                multipart.Add(new StringContent(value), name);
            }

            return multipart;
        }

        return new FormUrlEncodedContent(fields);
    }

    private static string QueryString(List<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private async Task<HtmlPage> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var document = await _parser.ParseDocumentAsync(html, cancellationToken);
        var url = response.RequestMessage?.RequestUri ?? Client.BaseAddress!;
        return new HtmlPage(this, response, url, html, document);
    }
}

/// <summary>A page as the browser received it: status, final URL after redirects, headers and the parsed document.</summary>
public sealed class HtmlPage(FormClient client, HttpResponseMessage response, Uri url, string html, IHtmlDocument document)
{
    public FormClient Client { get; } = client;

    /// <summary>The last response (after redirects); its content has been read into <see cref="Html"/>.</summary>
    public HttpResponseMessage Response { get; } = response;

    public System.Net.HttpStatusCode Status => Response.StatusCode;

    public Uri Url { get; } = url;

    public string Html { get; } = html;

    public IHtmlDocument Document { get; } = document;

    public System.Net.Http.Headers.HttpResponseHeaders Headers => Response.Headers;

    /// <summary>The form matching <paramref name="selector"/> (the only form of the page by default), ready to fill.</summary>
    public FormFill Form(string selector = "form")
    {
        var forms = Document.QuerySelectorAll(selector).OfType<IHtmlFormElement>().ToList();
        Assert.True(forms.Count == 1, $"Expected one form matching '{selector}' on {Url}, found {forms.Count}.");
        return new FormFill(this, forms[0]);
    }
}

/// <summary>
/// The values a browser would send for a form, starting from what the page put in it: hidden inputs, text
/// values, checked boxes and radios, selected options, text areas. Each setter checks that the page offers
/// the field or the option, so a test cannot fill in a field the user could not.
/// </summary>
public sealed class FormFill
{
    private readonly List<KeyValuePair<string, string>> _fields = [];
    private readonly List<FormFile> _files = [];
    private KeyValuePair<string, string>? _button;

    public FormFill(HtmlPage page, IHtmlFormElement form)
    {
        Page = page;
        Form = form;
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset" or "file")
                    {
                        break;
                    }

                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            _fields.Add(new(input.Name, input.Value ?? "on"));
                        }
                    }
                    else
                    {
                        _fields.Add(new(input.Name, input.Value ?? string.Empty));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !area.IsDisabled:
                    _fields.Add(new(area.Name, area.Value ?? string.Empty));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected.Add(select.Options[0]!);
                    }

                    _fields.AddRange(selected.Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
            }
        }
    }

    public HtmlPage Page { get; }

    public IHtmlFormElement Form { get; }

    /// <summary>What would be sent now, the pressed button last.</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields => _button is { } button ? _fields.Append(button) : _fields;

    /// <summary>The current value of a field (a hidden input's included), or null.</summary>
    public string? Value(string name) => _fields.LastOrDefault(f => f.Key == name).Value;

    /// <summary>Types into a text input, text area or hidden input, or picks an option of a select.</summary>
    /// <summary>The files chosen in file fields (sent only by a multipart form).</summary>
    public IReadOnlyList<FormFile> Files => _files;

    /// <summary>Chooses a file for the file field <paramref name="name"/>, as a person picking it would.</summary>
    public FormFill Attach(string name, string fileName, byte[] content)
    {
        Assert.True(Form.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == name && i.Type == "file"), $"No file field named {name} in the form.");
        _files.Add(new FormFile(name, fileName, content));
        return this;
    }

    public FormFill Set(string name, string value)
    {
        var element = Form.Elements.FirstOrDefault(e => e.GetAttribute("name") == name && e is IHtmlInputElement or IHtmlTextAreaElement or IHtmlSelectElement);
        Assert.True(element is not null, $"The form on {Page.Url} has no field '{name}'.");
        if (element is IHtmlSelectElement select)
        {
            Assert.True(select.Options.Any(o => o.Value == value), $"The select '{name}' on {Page.Url} offers no '{value}'.");
        }

        _fields.RemoveAll(f => f.Key == name);
        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Leaves a field out of the submission altogether, as a forged request would.</summary>
    public FormFill Remove(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    /// <summary>Ticks a checkbox (several may share a name) or chooses a radio button.</summary>
    public FormFill Check(string name, string value)
    {
        var input = Choices(name).FirstOrDefault(i => (i.Value ?? "on") == value);
        Assert.True(input is not null, $"The form on {Page.Url} has no checkbox or radio '{name}' = '{value}'.");
        if (input.Type.Equals("radio", StringComparison.OrdinalIgnoreCase))
        {
            _fields.RemoveAll(f => f.Key == name);
        }
        else
        {
            _fields.RemoveAll(f => f.Key == name && f.Value == value);
        }

        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Unticks a checkbox.</summary>
    public FormFill Uncheck(string name, string value)
    {
        Assert.True(Choices(name).Any(i => (i.Value ?? "on") == value), $"The form on {Page.Url} has no checkbox '{name}' = '{value}'.");
        _fields.RemoveAll(f => f.Key == name && f.Value == value);
        return this;
    }

    /// <summary>
    /// Presses a submit button, chosen by its name (and value, when several share a name), or by the
    /// button's text when <paramref name="nameOrText"/> matches no name.
    /// </summary>
    public Task<HtmlPage> PressAsync(string nameOrText, string? value = null, CancellationToken cancellationToken = default)
    {
        var buttons = Form.Elements
            .Where(e => e is IHtmlButtonElement { Type: "submit" } || e is IHtmlInputElement { Type: "submit" or "image" })
            .ToList();
        var button = buttons.FirstOrDefault(b => b.GetAttribute("name") == nameOrText && (value is null || ButtonValue(b) == value))
            ?? buttons.FirstOrDefault(b => b.TextContent.Trim() == nameOrText || ButtonValue(b) == nameOrText && string.IsNullOrEmpty(b.GetAttribute("name")));
        Assert.True(button is not null, $"The form on {Page.Url} has no submit button '{nameOrText}'.");
        _button = button.GetAttribute("name") is { Length: > 0 } name ? new(name, ButtonValue(button)) : null;
        return Page.Client.SubmitAsync(this, cancellationToken);
    }

    /// <summary>Submits as pressing Enter would: without any button's name.</summary>
    public Task<HtmlPage> SubmitAsync(CancellationToken cancellationToken = default)
    {
        _button = null;
        return Page.Client.SubmitAsync(this, cancellationToken);
    }

    private IEnumerable<IHtmlInputElement> Choices(string name) =>
        Form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name == name && i.Type is "checkbox" or "radio");

    private static string ButtonValue(IElement button) => button.GetAttribute("value") ?? string.Empty;
}

/// <summary>A file chosen in a form's file field.</summary>
public sealed record FormFile(string Field, string FileName, byte[] Content);
