using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Issue 15, engine round six: a resume burns its bookmark by marking the row (<c>BurnedAtUtc</c>) instead of deleting it
    /// and inserting a row into <c>WorkflowResumedBookmarks</c>: one b-tree written instead of two. The resumed bookmarks
    /// recorded so far become burned rows of the bookmark table (so that resuming one of them still answers "already
    /// resumed"), then their table goes. Both partial indexes now hold waiting bookmarks only. No step rebuilds the bookmark
    /// table, so it stays WITHOUT ROWID on SQLite (round four).
    /// </summary>
    public partial class PerfEngine6Bookmarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BurnedAtUtc",
                table: "WorkflowBookmarks",
                type: "TEXT",
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

        /// <summary>Back to a table of resumed bookmarks; both tables rebuilt by hand as WITHOUT ROWID tables.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "WorkflowResumedBookmarks" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowResumedBookmarks" PRIMARY KEY,
                    "InstanceId" TEXT NOT NULL,
                    "ResumedAtUtc" TEXT NOT NULL
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "WorkflowResumedBookmarks" ("Id", "InstanceId", "ResumedAtUtc")
                SELECT "Id", "InstanceId", "BurnedAtUtc" FROM "WorkflowBookmarks" WHERE "BurnedAtUtc" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_WorkflowBookmarks" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowBookmarks" PRIMARY KEY,
                    "InstanceId" TEXT NOT NULL,
                    "Name" TEXT NOT NULL,
                    "Key" TEXT NULL,
                    "CorrelationId" TEXT NULL,
                    "ActivityId" TEXT NOT NULL,
                    "NodeId" TEXT NOT NULL,
                    "ActivityType" TEXT NOT NULL,
                    "ResumeAtUtc" TEXT NULL,
                    "PayloadJson" TEXT NULL,
                    "CreatedAtUtc" TEXT NOT NULL
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId", "ActivityType", "ResumeAtUtc", "PayloadJson", "CreatedAtUtc")
                SELECT "Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId", "ActivityType", "ResumeAtUtc", "PayloadJson", "CreatedAtUtc"
                FROM "WorkflowBookmarks" WHERE "BurnedAtUtc" IS NULL;
                """);
            migrationBuilder.Sql("""DROP TABLE "WorkflowBookmarks";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_WorkflowBookmarks" RENAME TO "WorkflowBookmarks";""");

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
