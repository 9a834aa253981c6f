using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SupportPlansAndMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalledByUserId",
                table: "Meetings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "Meetings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeetingAttendees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HelperId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingAttendees_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanGoals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HelperId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewTaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ResultNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResultAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanGoals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanGoals_Helpers_HelperId",
                        column: x => x.HelperId,
                        principalTable: "Helpers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanRevisions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendees_MeetingId",
                table: "MeetingAttendees",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_Active_ReviewOn",
                table: "PlanGoals",
                columns: new[] { "Active", "ReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_CaseId",
                table: "PlanGoals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_HelperId",
                table: "PlanGoals",
                column: "HelperId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRevisions_CaseId_Version",
                table: "PlanRevisions",
                columns: new[] { "CaseId", "Version" },
                unique: true);

            // The free-text plan (two fields written once) becomes version 1 of the structured plan: one goal carrying the old
            // text, no helper and no review date (the caseworker sets them at the next revision).
            migrationBuilder.Sql("""
                INSERT INTO "PlanGoals" ("CaseId", "Position", "Title", "Measures", "Active", "CreatedAtUtc")
                SELECT "Id", 1, COALESCE("PlanGoals", "PlanMeasures"), COALESCE("PlanMeasures", ''), 1, COALESCE("PlanUpdatedAtUtc", "UpdatedAtUtc")
                FROM "Cases" WHERE "PlanGoals" IS NOT NULL OR "PlanMeasures" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "PlanRevisions" ("CaseId", "Version", "AtUtc", "Changes", "Note")
                SELECT "Id", 1, COALESCE("PlanUpdatedAtUtc", "UpdatedAtUtc"), '新增目标1：' || COALESCE("PlanGoals", "PlanMeasures"), '由原文本帮扶方案迁移'
                FROM "Cases" WHERE "PlanGoals" IS NOT NULL OR "PlanMeasures" IS NOT NULL;
                """);

            // SQLite drops a plain column in place (3.35+); EF's DropColumn would rebuild the table with foreign keys off,
            // outside the migration's transaction.
            migrationBuilder.Sql("""ALTER TABLE "Cases" DROP COLUMN "PlanGoals";""");
            migrationBuilder.Sql("""ALTER TABLE "Cases" DROP COLUMN "PlanMeasures";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingAttendees");

            migrationBuilder.DropTable(
                name: "PlanGoals");

            migrationBuilder.DropTable(
                name: "PlanRevisions");

            migrationBuilder.DropColumn(
                name: "CalledByUserId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "Meetings");

            migrationBuilder.AddColumn<string>(
                name: "PlanGoals",
                table: "Cases",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanMeasures",
                table: "Cases",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }
    }
}
