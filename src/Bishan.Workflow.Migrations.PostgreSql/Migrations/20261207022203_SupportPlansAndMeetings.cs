using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "Meetings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeetingAttendees",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<string>(type: "character varying(64)", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HelperId = table.Column<long>(type: "bigint", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    HelperId = table.Column<long>(type: "bigint", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewTaskId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ResultNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResultAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Changes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                SELECT "Id", 1, COALESCE("PlanGoals", "PlanMeasures"), COALESCE("PlanMeasures", ''), TRUE, COALESCE("PlanUpdatedAtUtc", "UpdatedAtUtc")
                FROM "Cases" WHERE "PlanGoals" IS NOT NULL OR "PlanMeasures" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "PlanRevisions" ("CaseId", "Version", "AtUtc", "Changes", "Note")
                SELECT "Id", 1, COALESCE("PlanUpdatedAtUtc", "UpdatedAtUtc"), '新增目标1：' || COALESCE("PlanGoals", "PlanMeasures"), '由原文本帮扶方案迁移'
                FROM "Cases" WHERE "PlanGoals" IS NOT NULL OR "PlanMeasures" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "PlanGoals",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PlanMeasures",
                table: "Cases");
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
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanMeasures",
                table: "Cases",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }
    }
}
