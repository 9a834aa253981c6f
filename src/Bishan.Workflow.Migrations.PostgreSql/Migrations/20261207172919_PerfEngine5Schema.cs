using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PerfEngine5Schema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowBookmarks_InstanceId",
                table: "WorkflowBookmarks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowBookmarks_Name_Key",
                table: "WorkflowBookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarks_Events",
                table: "WorkflowBookmarks",
                columns: new[] { "Key", "CorrelationId" },
                filter: "\"Name\" = 'Elsa.Event'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowBookmarks_Events",
                table: "WorkflowBookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarks_InstanceId",
                table: "WorkflowBookmarks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarks_Name_Key",
                table: "WorkflowBookmarks",
                columns: new[] { "Name", "Key" });
        }
    }
}
