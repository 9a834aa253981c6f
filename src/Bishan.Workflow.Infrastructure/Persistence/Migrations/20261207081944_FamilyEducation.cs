using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FamilyEducation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FamilyEducationReferrals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubCentreId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReferredByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReferredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PlanKinds = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PlanNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PlannedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EvaluationWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    EvaluationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvaluatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WorkflowInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyEducationReferrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FamilyEducationSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferralId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AttendeeMemberIds = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InvitedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyEducationSessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyEducationReferrals_CaseId",
                table: "FamilyEducationReferrals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyEducationReferrals_SubCentreId",
                table: "FamilyEducationReferrals",
                column: "SubCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyEducationSessions_ReferralId",
                table: "FamilyEducationSessions",
                column: "ReferralId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FamilyEducationReferrals");

            migrationBuilder.DropTable(
                name: "FamilyEducationSessions");
        }
    }
}
