using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PerfEngine4Schema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_SubStatus",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_DefinitionVersion",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "DefinitionVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Executing",
                table: "WorkflowInstances",
                column: "SubStatus",
                filter: "\"SubStatus\" = 'Executing'");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Running",
                table: "WorkflowInstances",
                column: "DefinitionId",
                filter: "\"Status\" = 'Running'");
            // SQLite only: the bookmarks and the resumed bookmarks become WITHOUT ROWID tables, stored in the b-tree of their
            // text primary key instead of a rowid table plus a separate key index, so that burning a bookmark and recording
            // it as resumed write one page less each (issue 15, round four). EF Core has no model setting for this; a later
            // migration that rebuilds either table would make it a rowid table again (slower, not wrong).
            migrationBuilder.Sql(RebuildBookmarks(withoutRowId: true));
            migrationBuilder.Sql(RebuildResumedBookmarks(withoutRowId: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_DefinitionVersion",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Executing",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Running",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_SubStatus",
                table: "WorkflowInstances",
                column: "SubStatus");
            migrationBuilder.Sql(RebuildBookmarks(withoutRowId: false));
            migrationBuilder.Sql(RebuildResumedBookmarks(withoutRowId: false));
        }

        private static string RebuildBookmarks(bool withoutRowId) => $"""
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
            ){(withoutRowId ? " WITHOUT ROWID" : "")};
            INSERT INTO "ef_temp_WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId", "ActivityType", "ResumeAtUtc", "PayloadJson", "CreatedAtUtc")
            SELECT "Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId", "ActivityType", "ResumeAtUtc", "PayloadJson", "CreatedAtUtc" FROM "WorkflowBookmarks";
            DROP TABLE "WorkflowBookmarks";
            ALTER TABLE "ef_temp_WorkflowBookmarks" RENAME TO "WorkflowBookmarks";
            CREATE INDEX "IX_WorkflowBookmarks_InstanceId" ON "WorkflowBookmarks" ("InstanceId");
            CREATE INDEX "IX_WorkflowBookmarks_Name_Key" ON "WorkflowBookmarks" ("Name", "Key");
            CREATE INDEX "IX_WorkflowBookmarks_ResumeAtUtc" ON "WorkflowBookmarks" ("ResumeAtUtc") WHERE "ResumeAtUtc" IS NOT NULL;
            """;

        private static string RebuildResumedBookmarks(bool withoutRowId) => $"""
            CREATE TABLE "ef_temp_WorkflowResumedBookmarks" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowResumedBookmarks" PRIMARY KEY,
                "InstanceId" TEXT NOT NULL,
                "ResumedAtUtc" TEXT NOT NULL
            ){(withoutRowId ? " WITHOUT ROWID" : "")};
            INSERT INTO "ef_temp_WorkflowResumedBookmarks" ("Id", "InstanceId", "ResumedAtUtc")
            SELECT "Id", "InstanceId", "ResumedAtUtc" FROM "WorkflowResumedBookmarks";
            DROP TABLE "WorkflowResumedBookmarks";
            ALTER TABLE "ef_temp_WorkflowResumedBookmarks" RENAME TO "WorkflowResumedBookmarks";
            """;
    }
}
