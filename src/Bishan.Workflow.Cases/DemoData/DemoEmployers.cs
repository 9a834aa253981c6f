using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// A handful of synthetic enterprises in Bishan on the employer register (在璧企业), most with the co-operation signed and
/// jobs open, so the guardianship consultation has something to match. Loaded once, when the register is empty.
/// </summary>
public static class DemoEmployers
{
    private static readonly (string Name, string Industry, string Contact, string Phone, bool Signed, (string Title, int Openings)[] Jobs)[] Rows =
    [
        ("璧山青杠智能装备有限公司", "装备制造", "陈经理", "02341461201", true, [("数控操作工", 6), ("仓库管理员", 2)]),
        ("重庆璧城电子科技有限公司", "电子制造", "刘主任", "02341462302", true, [("装配工", 10), ("质检员", 3)]),
        ("璧山丁家鞋业有限公司", "制鞋", "张厂长", "02341463403", true, [("缝纫工", 8), ("包装工", 4)]),
        ("璧山大路农业发展有限公司", "现代农业", "李站长", "02341464504", true, [("种植技术员", 3), ("物流配送员", 2)]),
        ("璧山区来凤家政服务有限公司", "家政服务", "王女士", "02341465605", false, [("家政服务员", 5)]),
        ("重庆璧泉汽车零部件有限公司", "汽车零部件", "赵经理", "02341466706", true, [("冲压工", 6), ("叉车司机", 2)]),
    ];

    public static async Task LoadAsync(ICasesDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.Employers.AnyAsync(ct)) return;
        var now = time.GetUtcNow().UtcDateTime;
        var signedOn = DateOnly.FromDateTime(now).AddMonths(-8);
        foreach (var row in Rows)
        {
            var employer = new Employer
            {
                Name = row.Name, Industry = row.Industry, ContactPerson = row.Contact, ContactPhone = row.Phone, CooperationSigned = row.Signed,
                SignedOn = row.Signed ? signedOn : null, CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            db.Employers.Add(employer);
            await db.SaveChangesAsync(ct);
            foreach (var (title, openings) in row.Jobs)
                db.EmployerJobs.Add(new EmployerJob { EmployerId = employer.Id, Title = title, Openings = openings });
        }
        await db.SaveChangesAsync(ct);
    }
}
