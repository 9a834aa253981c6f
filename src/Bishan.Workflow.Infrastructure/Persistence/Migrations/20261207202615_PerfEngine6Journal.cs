using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Issue 15, engine round six: the journal becomes one row per pass, its events a JSON array (the runtime's
    /// <c>JournalJson</c>). Every stored event row is converted into a row of one event (same instance, sequence and time),
    /// so existing instances keep their whole journal in order. Written by hand as one table rebuild (SQLite cannot drop
    /// columns in place; EF Core's own rebuild would run after the conversion it needs the new column for). The table stays
    /// a plain rowid table (no AUTOINCREMENT), the unique index on (InstanceId, Sequence) stays.
    /// </summary>
    public partial class PerfEngine6Journal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_WorkflowJournal" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkflowJournal" PRIMARY KEY,
                    "InstanceId" TEXT NOT NULL,
                    "Sequence" INTEGER NOT NULL,
                    "EntryCount" INTEGER NOT NULL,
                    "TimestampUtc" TEXT NOT NULL,
                    "EntriesJson" TEXT NOT NULL);
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_WorkflowJournal" ("Id", "InstanceId", "Sequence", "EntryCount", "TimestampUtc", "EntriesJson")
                SELECT "Id", "InstanceId", "Sequence", 1, "TimestampUtc",
                    json_array(json_object('a', "ActivityId", 'n', "NodeId", 't', "ActivityType", 'an', "ActivityName",
                        'e', "EventName", 'm', "Message", 'er', "Error"))
                FROM "WorkflowJournal" ORDER BY "Id";
                """);
            migrationBuilder.Sql("""DROP TABLE "WorkflowJournal";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_WorkflowJournal" RENAME TO "WorkflowJournal";""");
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_WorkflowJournal_InstanceId_Sequence" ON "WorkflowJournal" ("InstanceId", "Sequence");""");
        }

        /// <summary>Back to one row per event; each event takes its row's time (the offsets within a pass are dropped).</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_WorkflowJournal" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkflowJournal" PRIMARY KEY,
                    "InstanceId" TEXT NOT NULL,
                    "Sequence" INTEGER NOT NULL,
                    "ActivityId" TEXT NOT NULL,
                    "NodeId" TEXT NOT NULL,
                    "ActivityType" TEXT NOT NULL,
                    "ActivityName" TEXT NULL,
                    "EventName" TEXT NOT NULL,
                    "Message" TEXT NULL,
                    "Error" TEXT NULL,
                    "TimestampUtc" TEXT NOT NULL);
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_WorkflowJournal" ("InstanceId", "Sequence", "ActivityId", "NodeId", "ActivityType", "ActivityName",
                    "EventName", "Message", "Error", "TimestampUtc")
                SELECT j."InstanceId", j."Sequence" + e."key", coalesce(json_extract(e."value", '$.a'), ''),
                    coalesce(json_extract(e."value", '$.n'), ''), coalesce(json_extract(e."value", '$.t'), ''), json_extract(e."value", '$.an'),
                    coalesce(json_extract(e."value", '$.e'), ''), json_extract(e."value", '$.m'), json_extract(e."value", '$.er'), j."TimestampUtc"
                FROM "WorkflowJournal" j, json_each(j."EntriesJson") e ORDER BY j."Id", e."key";
                """);
            migrationBuilder.Sql("""DROP TABLE "WorkflowJournal";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_WorkflowJournal" RENAME TO "WorkflowJournal";""");
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_WorkflowJournal_InstanceId_Sequence" ON "WorkflowJournal" ("InstanceId", "Sequence");""");
        }
    }
}
