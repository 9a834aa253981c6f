using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SeveralNodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_BookmarkId",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitionVersions_DefinitionId_IsLatest",
                table: "WorkflowDefinitionVersions");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitionVersions_DefinitionId_IsPublished",
                table: "WorkflowDefinitionVersions");

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseExpiresAtUtc",
                table: "WorkflowInstances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "WorkflowInstances",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FileNumberCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileNumberCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_BookmarkId",
                table: "WorkTasks",
                column: "BookmarkId",
                unique: true,
                filter: "\"BookmarkId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitionVersions_OneLatest",
                table: "WorkflowDefinitionVersions",
                column: "DefinitionId",
                unique: true,
                filter: "\"IsLatest\" = TRUE");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitionVersions_OnePublished",
                table: "WorkflowDefinitionVersions",
                column: "DefinitionId",
                unique: true,
                filter: "\"IsPublished\" = TRUE");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DueAtUtc",
                table: "OutboxMessages",
                column: "DueAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "FileNumberCounters");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_BookmarkId",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitionVersions_OneLatest",
                table: "WorkflowDefinitionVersions");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitionVersions_OnePublished",
                table: "WorkflowDefinitionVersions");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAtUtc",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_BookmarkId",
                table: "WorkTasks",
                column: "BookmarkId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitionVersions_DefinitionId_IsLatest",
                table: "WorkflowDefinitionVersions",
                columns: new[] { "DefinitionId", "IsLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitionVersions_DefinitionId_IsPublished",
                table: "WorkflowDefinitionVersions",
                columns: new[] { "DefinitionId", "IsPublished" });
        }
    }
}
