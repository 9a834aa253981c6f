using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PerfLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_ClaimedByUserId_Status_CreatedAtUtc",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_CompletedByUserId_Status_CreatedAtUtc",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CaseworkerUserId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CreatedAtUtc",
                table: "Cases");

            migrationBuilder.CreateTable(
                name: "DataStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DataStamps",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_ClaimedByUserId_Status_CreatedAtUtc_Id",
                table: "WorkTasks",
                columns: new[] { "ClaimedByUserId", "Status", "CreatedAtUtc", "Id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_CompletedByUserId_Status_CreatedAtUtc_Id",
                table: "WorkTasks",
                columns: new[] { "CompletedByUserId", "Status", "CreatedAtUtc", "Id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_Unclaimed_AssigneeUserId_Status_CreatedAtUtc_Id",
                table: "WorkTasks",
                columns: new[] { "AssigneeUserId", "Status", "CreatedAtUtc", "Id" },
                descending: new[] { false, false, true, false },
                filter: "\"ClaimedByUserId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AreaId_CreatedAtUtc_Id",
                table: "Cases",
                columns: new[] { "AreaId", "CreatedAtUtc", "Id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseworkerUserId_CreatedAtUtc_Id_OrgUnitId_AreaId_Pri~",
                table: "Cases",
                columns: new[] { "CaseworkerUserId", "CreatedAtUtc", "Id", "OrgUnitId", "AreaId", "PrimaryAction" },
                descending: new[] { false, true, false, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CreatedAtUtc_Id",
                table: "Cases",
                columns: new[] { "CreatedAtUtc", "Id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrgUnitId_CreatedAtUtc_Id",
                table: "Cases",
                columns: new[] { "OrgUnitId", "CreatedAtUtc", "Id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PrimaryAction_CreatedAtUtc_Id",
                table: "Cases",
                columns: new[] { "PrimaryAction", "CreatedAtUtc", "Id" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataStamps");

            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_ClaimedByUserId_Status_CreatedAtUtc_Id",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_CompletedByUserId_Status_CreatedAtUtc_Id",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkTasks_Unclaimed_AssigneeUserId_Status_CreatedAtUtc_Id",
                table: "WorkTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_AreaId_CreatedAtUtc_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CaseworkerUserId_CreatedAtUtc_Id_OrgUnitId_AreaId_Pri~",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CreatedAtUtc_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrgUnitId_CreatedAtUtc_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_PrimaryAction_CreatedAtUtc_Id",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_ClaimedByUserId_Status_CreatedAtUtc",
                table: "WorkTasks",
                columns: new[] { "ClaimedByUserId", "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTasks_CompletedByUserId_Status_CreatedAtUtc",
                table: "WorkTasks",
                columns: new[] { "CompletedByUserId", "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseworkerUserId",
                table: "Cases",
                column: "CaseworkerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CreatedAtUtc",
                table: "Cases",
                column: "CreatedAtUtc");
        }
    }
}
