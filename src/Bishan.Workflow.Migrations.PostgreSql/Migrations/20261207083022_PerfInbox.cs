using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PerfInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_AssigneeUserId_Status",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_ClaimedByUserId_Status",
                table: "WorkTasks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_AssigneeUserId_Status_ClaimedByUserId_CreatedAtUtc",
                table: "WorkTasks",
                columns: new[] { "AssigneeUserId", "Status", "ClaimedByUserId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_ClaimedByUserId_Status_CreatedAtUtc",
                table: "WorkTasks",
                columns: new[] { "ClaimedByUserId", "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_CompletedByUserId_Status_CreatedAtUtc",
                table: "WorkTasks",
                columns: new[] { "CompletedByUserId", "Status", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_AssigneeUserId_Status_ClaimedByUserId_CreatedAtUtc",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_ClaimedByUserId_Status_CreatedAtUtc",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_CompletedByUserId_Status_CreatedAtUtc",
                table: "WorkTasks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_AssigneeUserId_Status",
                table: "WorkTasks",
                columns: new[] { "AssigneeUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_ClaimedByUserId_Status",
                table: "WorkTasks",
                columns: new[] { "ClaimedByUserId", "Status" });
        }
    }
}
