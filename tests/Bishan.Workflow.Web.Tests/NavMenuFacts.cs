using Bishan.Workflow.Web.Components.Layout;
using Bishan.Workflow.Web.Ui;

namespace Bishan.Workflow.Web.Tests;

public sealed class NavMenuFacts : UiTestContext
{
    private static readonly string[] Sections = ["工作台", "我的待办", "审批", "个案档案", "转介", "家庭教育指导", "会商", "专报", "资源库", "监护会商", "经费", "事件登记", "跟踪问效", "统计"];
    private static readonly string[] CaseworkerSections = ["工作台", "我的待办", "个案档案", "转介", "家庭教育指导", "会商", "资源库", "监护会商", "事件登记"];
    private static readonly string[] CommonSections = ["工作台", "我的待办"];
    private static readonly string[] GuidanceWorkerSections = ["工作台", "我的待办", "家庭教育指导"];
    private static readonly string[] AdminLinks = ["流程设计", "流程实例", "数据保留与备份", "出入库标准", "用户管理", "组织架构", "后台任务"];

    [Fact]
    public void Render_HidesApprovalsStatisticsAndFundingAndAdminLinks_WhenTheUserIsACaseworker()
    {
        Auth.SetAuthorized("teacher.li").SetRoles("Caseworker");

        var menu = Render<NavMenu>();

        var texts = menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(CaseworkerSections, texts);
        Assert.DoesNotContain(menu.FindAll("a"), a => a.GetAttribute("href") == UiRoutes.Hangfire);
    }

    [Theory]
    [InlineData("Supervisor")]
    [InlineData("Leader")]
    [InlineData("Secretary")]
    public void Render_ShowsEveryWorkingSection_WhenTheUserSteers(string role)
    {
        Auth.SetAuthorized("someone").SetRoles(role);

        var menu = Render<NavMenu>();

        Assert.Equal(Sections, menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Render_AddsDesignerInstancesAndHangfire_WhenTheUserIsAnAdministrator()
    {
        Auth.SetAuthorized("admin").SetRoles("Administrator");

        var menu = Render<NavMenu>();

        var texts = menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(Sections.Concat(AdminLinks), texts);
        var hangfire = menu.Find($"a[href='{UiRoutes.Hangfire}']");
        Assert.Equal("_blank", hangfire.GetAttribute("target"));
        Assert.Contains("系统管理", menu.Markup);
    }

    [Fact]
    public void Render_ShowsOnlyTheCommonSections_WhenNobodyIsSignedIn()
    {
        Auth.SetNotAuthorized();

        var menu = Render<NavMenu>();

        Assert.Equal(CommonSections, menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Render_ShowsAGuidanceWorkerTheirFamiliesAndNoCaseFiles()
    {
        Auth.SetAuthorized("guidance-bicheng").SetRoles("GuidanceWorker");

        var menu = Render<NavMenu>();

        Assert.Equal(GuidanceWorkerSections, menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()));
    }
}
