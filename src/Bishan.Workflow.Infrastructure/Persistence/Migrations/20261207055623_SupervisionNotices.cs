using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupervisionNotices",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Requirement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DeadlineOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeadlineAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WorkflowInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EscalatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionNotices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_CaseId",
                table: "SupervisionNotices",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_UnitId",
                table: "SupervisionNotices",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_WorkflowInstanceId",
                table: "SupervisionNotices",
                column: "WorkflowInstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisionNotices");
        }
    }
}
