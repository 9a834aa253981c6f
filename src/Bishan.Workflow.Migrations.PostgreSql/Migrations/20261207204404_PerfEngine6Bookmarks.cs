using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Issue 15, engine round six: a resume burns its bookmark by marking the row (<c>BurnedAtUtc</c>) instead of deleting it
    /// and inserting a row into <c>WorkflowResumedBookmarks</c>. The resumed bookmarks recorded so far become burned rows of
    /// the bookmark table (so that resuming one of them still answers "already resumed"), then their table goes. Both
    /// partial indexes now hold waiting bookmarks only.
    /// </summary>
    public partial class PerfEngine6Bookmarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BurnedAtUtc",
                table: "WorkflowBookmarks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql("""
                INSERT INTO "WorkflowBookmarks" ("Id", "InstanceId", "Name", "ActivityId", "NodeId", "ActivityType", "CreatedAtUtc", "BurnedAtUtc")
                SELECT r."Id", r."InstanceId", '', '', '', '', r."ResumedAtUtc", r."ResumedAtUtc" FROM "WorkflowResumedBookmarks" r
                WHERE NOT EXISTS (SELECT 1 FROM "WorkflowBookmarks" b WHERE b."Id" = r."Id");
                """);

            migrationBuilder.DropTable(
                name: "WorkflowResumedBookmarks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowBookmarks_Events",
                table: "WorkflowBookmarks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowBookmarks_ResumeAtUtc",
                table: "WorkflowBookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarks_Events",
                table: "WorkflowBookmarks",
                columns: new[] { "Key", "CorrelationId" },
                filter: "\"Name\" = 'Elsa.Event' AND \"BurnedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarks_ResumeAtUtc",
                table: "WorkflowBookmarks",
                column: "ResumeAtUtc",
                filter: "\"ResumeAtUtc\" IS NOT NULL AND \"BurnedAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowBookmarks_Events",
                table: "WorkflowBookmarks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowBookmarks_ResumeAtUtc",
                table: "WorkflowBookmarks");

            migrationBuilder.CreateTable(
                name: "WorkflowResumedBookmarks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    ResumedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowResumedBookmarks", x => x.Id);
                });

            migrationBuilder.Sql("""
                INSERT INTO "WorkflowResumedBookmarks" ("Id", "InstanceId", "ResumedAtUtc")
                SELECT "Id", "InstanceId", "BurnedAtUtc" FROM "WorkflowBookmarks" WHERE "BurnedAtUtc" IS NOT NULL;
                DELETE FROM "WorkflowBookmarks" WHERE "BurnedAtUtc" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "BurnedAtUtc",
                table: "WorkflowBookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarks_Events",
                table: "WorkflowBookmarks",
                columns: new[] { "Key", "CorrelationId" },
                filter: "\"Name\" = 'Elsa.Event'");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarks_ResumeAtUtc",
                table: "WorkflowBookmarks",
                column: "ResumeAtUtc",
                filter: "\"ResumeAtUtc\" IS NOT NULL");
        }
    }
}
