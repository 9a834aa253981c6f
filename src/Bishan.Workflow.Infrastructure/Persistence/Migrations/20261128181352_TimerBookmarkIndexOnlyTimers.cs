using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TimerBookmarkIndexOnlyTimers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowBookmarks_ResumeAtUtc",
                table: "WorkflowBookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarks_ResumeAtUtc",
                table: "WorkflowBookmarks",
                column: "ResumeAtUtc",
                filter: "\"ResumeAtUtc\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowBookmarks_ResumeAtUtc",
                table: "WorkflowBookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarks_ResumeAtUtc",
                table: "WorkflowBookmarks",
                column: "ResumeAtUtc");
        }
    }
}
