using System.Globalization;
using System.Reflection;
using System.Resources;
using Bishan.Workflow.Engine.Activities;

namespace Bishan.Workflow.Engine.Descriptors;

/// <summary>
/// The activity types the runtime knows. Adding an activity means writing one class with
/// <see cref="ActivityAttribute"/>; <see cref="RegisterAssembly"/> finds it and builds its descriptor.
/// Display texts come from the assembly's <c>ActivityStrings</c> resources (zh-CN and English).
/// </summary>
public sealed class ActivityRegistry
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private readonly Dictionary<string, Activity> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityDescriptor> _descriptors = new(StringComparer.Ordinal);

    /// <summary>A registry with the built-in Elsa activities.</summary>
    public static ActivityRegistry CreateDefault()
    {
        var registry = new ActivityRegistry();
        registry.RegisterAssembly(typeof(ActivityRegistry).Assembly);
        return registry;
    }

    public IReadOnlyCollection<ActivityDescriptor> Descriptors => _descriptors.Values;

    public ActivityRegistry RegisterAssembly(Assembly assembly)
    {
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".ActivityStrings.resources", StringComparison.Ordinal))
            .Select(n => new ResourceManager(n[..^".resources".Length], assembly))
            .FirstOrDefault();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false } && typeof(Activity).IsAssignableFrom(t)))
            Register(type, resources);
        return this;
    }

    public void Register(Type type, ResourceManager? resources = null)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
                        ?? throw new InvalidOperationException($"{type.Name} has no [Activity] attribute.");
        var activity = (Activity)Activator.CreateInstance(type)!;
        _activities[attribute.Type] = activity;
        _descriptors[attribute.Type] = Describe(type, attribute, activity, resources);
    }

    public Activity? Resolve(string type) => _activities.GetValueOrDefault(type);
    public ActivityDescriptor? Find(string type) => _descriptors.GetValueOrDefault(type);
    public bool IsKnown(string type) => _activities.ContainsKey(type);

    private static ActivityDescriptor Describe(Type type, ActivityAttribute a, Activity activity, ResourceManager? res)
    {
        var shortName = a.Type[(a.Type.LastIndexOf('.') + 1)..];
        var inputs = type.GetCustomAttributes<InputAttribute>().Select(i => new InputDescriptor(
            i.Name, i.TypeName,
            InputLabel(res, a.Type, i.Name),
            Text(res, $"{a.Type}.{i.Name}.Description", ""),
            i.UiHint, i.Required, i.Options, i.DefaultValue, i.DefaultSyntax, i.Kind.ToString())).ToList();
        var outputs = type.GetCustomAttributes<OutputAttribute>()
            .Select(o => new OutputDescriptor(o.Name, o.TypeName, Text(res, $"{a.Type}.{o.Name}", Humanize(o.Name)))).ToList();
        return new ActivityDescriptor(
            a.Type, a.Category, Text(res, $"Category.{a.Category}", a.Category),
            Text(res, a.Type, Humanize(shortName)),
            Text(res, $"{a.Type}.Description", ""),
            inputs, outputs, a.Outcomes, a.IsTrigger,
            activity is CompositeActivity, activity is ITerminalActivity, a.Browsable);
    }

    /// <summary>
    /// An input's label: <c>{type}.{input}</c>, or <c>{type}.{input}.DisplayName</c> first. Resource keys are
    /// case-insensitive, so an input named <c>description</c> collides with the activity's own <c>{type}.Description</c>
    /// and needs the longer key.
    /// </summary>
    private static LocalizedText InputLabel(ResourceManager? res, string type, string input)
    {
        var explicitLabel = Text(res, $"{type}.{input}.DisplayName", "");
        return explicitLabel.En.Length > 0 ? explicitLabel : Text(res, $"{type}.{input}", Humanize(input));
    }

    private static LocalizedText Text(ResourceManager? res, string key, string fallback)
    {
        var zh = res?.GetString(key, Chinese);
        var en = res?.GetString(key, English);
        return new LocalizedText(zh ?? en ?? fallback, en ?? fallback);
    }

    private static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : (i == 0 ? char.ToUpperInvariant(c).ToString() : c.ToString())));
}
